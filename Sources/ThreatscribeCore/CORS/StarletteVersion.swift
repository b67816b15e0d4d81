import Foundation

/// A Starlette release number such as `1.10.0`, with the CORS behaviour changes that matter to
/// ``CORSEvaluator`` expressed as Boolean queries.
///
/// Pre-release suffixes (`1.0.0rc1`) are parsed and ordered before the final release.
public struct StarletteVersion: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Major component.
    public let major: Int
    /// Minor component.
    public let minor: Int
    /// Patch component.
    public let patch: Int
    /// Pre-release tag such as `rc1`, or `nil` for a final release.
    public let preRelease: String?

    /// Creates a version from its numeric components.
    public init(_ major: Int, _ minor: Int, _ patch: Int = 0, preRelease: String? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.preRelease = preRelease
    }

    /// Parses `"1.10.0"`, `"0.52"`, `"1.0.0rc1"` or `"v1.7.0"`; returns `nil` for anything else.
    public init?(_ text: String) {
        var body = Substring(text.trimmingWhitespaces)
        if body.first == "v" { body = body.dropFirst() }
        let numericEnd = body.firstIndex { !($0.isASCII && ($0.isNumber || $0 == ".")) } ?? body.endIndex
        let numbers = body[..<numericEnd].split(separator: ".", omittingEmptySubsequences: false)
        let suffix = body[numericEnd...]
        guard (1...3).contains(numbers.count) else { return nil }
        var parts: [Int] = []
        for n in numbers {
            guard let value = Int(n), value >= 0 else { return nil }
            parts.append(value)
        }
        while parts.count < 3 { parts.append(0) }
        if !suffix.isEmpty {
            guard suffix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") }),
                  suffix.first?.isLetter == true else { return nil }
        }
        self.init(parts[0], parts[1], parts[2], preRelease: suffix.isEmpty ? nil : String(suffix))
    }

    /// `major.minor.patch` followed by the pre-release tag, if any.
    public var description: String {
        "\(major).\(minor).\(patch)\(preRelease ?? "")"
    }

    public static func < (lhs: StarletteVersion, rhs: StarletteVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        switch (lhs.preRelease, rhs.preRelease) {
        case (nil, _): return false
        case (_, nil): return true
        case let (l?, r?): return l < r
        }
    }

    /// The newest release whose CORS behaviour is modelled (and checked by conformance): 1.10.0.
    public static let newestKnown = StarletteVersion(1, 10, 0)
    /// The newest 0.x release (0.52.1), also checked by conformance.
    public static let newestZeroX = StarletteVersion(0, 52, 1)

    /// `allow_origin_regex` uses `re.fullmatch` (0.13.1 and later) instead of the prefix `re.match`.
    public var matchesOriginRegexFully: Bool { self >= StarletteVersion(0, 13, 1) }

    /// `allow_origins=["*"]` with `allow_credentials=True` reflects every Origin (1.0.0rc1 and later);
    /// before, only requests carrying a `Cookie` got the origin reflected.
    public var reflectsAnyOriginWithCredentials: Bool { self >= StarletteVersion(1, 0, 0, preRelease: "rc1") }

    /// Every response carries `Vary` (1.7.0 and later): `Origin` on simple responses and four
    /// request-header names on preflights.
    public var alwaysSendsVary: Bool { self >= StarletteVersion(1, 7, 0) }

    /// The `allow_private_network` keyword argument exists (0.51.0 and later).
    public var supportsPrivateNetwork: Bool { self >= StarletteVersion(0, 51, 0) }

    /// What `allow_methods=["*"]` expands to, in Starlette's order (`QUERY` from 1.7.0).
    public var wildcardMethods: [String] {
        let base = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
        return alwaysSendsVary ? base + ["QUERY"] : base
    }
}
