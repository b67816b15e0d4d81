import Foundation

/// A Python package version as models write it (`0.115.0`, `==2.9.2`, `1.0.0rc1`, `0.24.0.post1`),
/// ordered by its release numbers.
///
/// Pre-releases sort before the release they precede; post-releases (PEP 440 `.postN`, `-N`) after it.
/// Only the first version in a specifier is read.
public struct PackageVersion: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var release: [Int]
    public var preRelease: String?
    /// The `N` of a PEP 440 post-release (`0.24.0.post1`, `1.0-2`), which sorts after its release.
    public var postRelease: Int?

    public init?(_ text: String) {
        var body = Substring(text.trimmingWhitespaces)
        while let first = body.first, "=~<>!^v ".contains(first) { body = body.dropFirst() }
        let end = body.firstIndex { !($0.isNumber || $0 == ".") } ?? body.endIndex
        var digits = body[..<end]
        // `0.24.0.post1`, `1.0.dev2`: PEP 440 allows a dot before a post, dev or pre-release tag.
        if digits.hasSuffix("."), let next = body[end...].first, next.isLetter { digits = digits.dropLast() }
        let numbers = digits.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }) else { return nil }
        release = numbers.compactMap { $0 }
        let suffix = body[end...].prefix { !($0 == "," || $0 == " " || $0 == ";") }
        if let post = Self.postRelease(in: suffix) {
            postRelease = post
        } else {
            preRelease = suffix.isEmpty ? nil : String(suffix)
        }
    }

    public init(_ release: [Int], preRelease: String? = nil, postRelease: Int? = nil) {
        self.release = release
        self.preRelease = preRelease
        self.postRelease = postRelease
    }

    /// `post1`, `.post1`, `-post1`, `post`, `-1` (PEP 440 spellings of a post-release), else `nil`.
    private static func postRelease(in suffix: Substring) -> Int? {
        var rest = suffix.lowercased()[...]
        if rest.hasPrefix("-"), !rest.dropFirst().isEmpty, rest.dropFirst().allSatisfy(\.isNumber) { return Int(rest.dropFirst()) }
        if let first = rest.first, ".-_".contains(first) { rest = rest.dropFirst() }
        for tag in ["post", "rev", "r"] where rest.hasPrefix(tag) {
            var number = rest.dropFirst(tag.count)
            if let first = number.first, ".-_".contains(first) { number = number.dropFirst() }
            if number.isEmpty { return 0 }
            return number.allSatisfy(\.isNumber) ? Int(number) : nil
        }
        return nil
    }

    public var major: Int { release.first ?? 0 }

    public var description: String {
        release.map(String.init).joined(separator: ".") + (preRelease ?? "") + (postRelease.map { ".post\($0)" } ?? "")
    }

    public static func < (lhs: PackageVersion, rhs: PackageVersion) -> Bool {
        let count = max(lhs.release.count, rhs.release.count)
        for index in 0..<count {
            let left = index < lhs.release.count ? lhs.release[index] : 0
            let right = index < rhs.release.count ? rhs.release[index] : 0
            if left != right { return left < right }
        }
        switch (lhs.preRelease, rhs.preRelease) {
        case (nil, nil): return (lhs.postRelease ?? -1) < (rhs.postRelease ?? -1)
        case (nil, _?): return false
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
        hasher.combine(postRelease)
    }
}
