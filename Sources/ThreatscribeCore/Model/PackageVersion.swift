import Foundation

/// A Python package version as models write it (`0.115.0`, `==2.9.2`, `1.0.0rc1`), ordered by its release numbers.
///
/// Pre-releases sort before the release they precede. Only the first version in a specifier is read.
public struct PackageVersion: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var release: [Int]
    public var preRelease: String?

    public init?(_ text: String) {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        while let first = body.first, "=~<>!^v ".contains(first) { body = body.dropFirst() }
        let end = body.firstIndex { !($0.isNumber || $0 == ".") } ?? body.endIndex
        let numbers = body[..<end].split(separator: ".").compactMap { Int($0) }
        guard !numbers.isEmpty, !body[..<end].hasSuffix(".") else { return nil }
        release = numbers
        let suffix = body[end...].prefix { !($0 == "," || $0 == " " || $0 == ";") }
        preRelease = suffix.isEmpty ? nil : String(suffix)
    }

    public init(_ release: [Int], preRelease: String? = nil) {
        self.release = release
        self.preRelease = preRelease
    }

    public var major: Int { release.first ?? 0 }

    public var description: String { release.map(String.init).joined(separator: ".") + (preRelease ?? "") }

    public static func < (lhs: PackageVersion, rhs: PackageVersion) -> Bool {
        let count = max(lhs.release.count, rhs.release.count)
        for index in 0..<count {
            let left = index < lhs.release.count ? lhs.release[index] : 0
            let right = index < rhs.release.count ? rhs.release[index] : 0
            if left != right { return left < right }
        }
        switch (lhs.preRelease, rhs.preRelease) {
        case (nil, nil), (nil, _?): return false
        case (_?, nil): return true
        case (let a?, let b?): return a.compare(b, options: .numeric) == .orderedAscending
        }
    }

    public static func == (lhs: PackageVersion, rhs: PackageVersion) -> Bool { !(lhs < rhs) && !(rhs < lhs) }

    public func hash(into hasher: inout Hasher) {
        var trimmed = release
        while trimmed.last == 0 { trimmed.removeLast() }
        hasher.combine(trimmed)
        hasher.combine(preRelease)
    }
}
