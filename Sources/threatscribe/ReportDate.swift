import ArgumentParser
import Foundation
import ThreatscribeCore

/// The report date, `YYYY-MM-DD` (UTC): `--date`, else `SOURCE_DATE_EPOCH`, else today.
enum ReportDate {
    /// The last second of 9999-12-31 (UTC): later dates have no `YYYY-MM-DD` form.
    static let latestEpoch: Int64 = 253_402_300_799

    /// A message saying why a `--date` or `SOURCE_DATE_EPOCH` value is unusable (exit code 2).
    struct Invalid: Error {
        var message: String
    }

    /// Resolves the date from the option, the environment and the clock, in that order.
    static func resolve(option: String?, environment: [String: String], now: Date) throws(Invalid) -> String {
        if let option { return try checked(option) }
        if let raw = environment["SOURCE_DATE_EPOCH"] { return string(fromEpoch: try epoch(raw)) }
        return string(fromEpoch: Int64(now.timeIntervalSince1970.rounded(.down)))
    }

    /// The date for this run, or exit code 2 with a message when `--date` or `SOURCE_DATE_EPOCH` is unusable.
    static func resolvedForRun(option: String?) throws -> String {
        do {
            return try resolve(option: option, environment: ProcessInfo.processInfo.environment, now: Date())
        } catch {
            printError(error.message)
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
    }

    /// `text` when it is a real calendar date `YYYY-MM-DD` (Gregorian): 2025-02-30 and 2025-99-99 are not.
    static func checked(_ text: String) throws(Invalid) -> String {
        let shown = TerminalText.escaped(text.debugDescription)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts.map(\.count) == [4, 2, 2],
              parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            throw Invalid(message: "--date \(shown) is not a date written YYYY-MM-DD")
        }
        guard (1...12).contains(month) else { throw Invalid(message: "--date \(shown): there is no month \(month)") }
        guard (1...daysIn(month: month, year: year)).contains(day) else {
            throw Invalid(message: "--date \(shown): month \(month) of \(year) has \(daysIn(month: month, year: year)) days")
        }
        return text
    }

    /// `SOURCE_DATE_EPOCH` as the reproducible-builds.org specification defines it: a non-negative
    /// integer of seconds since 1970-01-01 UTC, decimal digits only.
    static func epoch(_ raw: String) throws(Invalid) -> Int64 {
        let shown = TerminalText.escaped(raw.debugDescription)
        guard !raw.isEmpty, raw.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let seconds = Int64(raw), seconds <= latestEpoch else {
            throw Invalid(message: "SOURCE_DATE_EPOCH=\(shown) is not a number of seconds since 1970-01-01 (a non-negative integer up to \(latestEpoch)); unset it or pass --date YYYY-MM-DD")
        }
        return seconds
    }

    /// The UTC date of `seconds` since 1970-01-01 (days-to-civil, proleptic Gregorian).
    static func string(fromEpoch seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func padded(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
