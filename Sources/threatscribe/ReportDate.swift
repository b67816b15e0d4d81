import Foundation

/// The day a run is about: `--date`, else `SOURCE_DATE_EPOCH`, else today (UTC).
enum ReportDate {
    static func isValid(_ text: String) -> Bool {
        text.range(of: #"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"#, options: .regularExpression) != nil
    }

    static func resolve(_ date: String?) -> String {
        if let date { return date }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init), epoch.isFinite {
            return formatter.string(from: Date(timeIntervalSince1970: epoch))
        }
        return formatter.string(from: Date())
    }
}
