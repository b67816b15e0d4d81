/// Why a ``CORSConfiguration`` cannot be evaluated or decoded.
public enum CORSConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A kwarg that the given Starlette release does not have (Python raises `TypeError`).
    case unsupportedArgument(name: String, version: StarletteVersion, introducedIn: StarletteVersion)
    /// `allow_origin_regex` uses syntax outside the supported subset of Python `re`.
    case unsupportedRegex(pattern: String, reason: String)
    /// `allow_origin_regex` is beyond the bounds threatscribe evaluates (length, nesting, repeat
    /// counts); Python may well accept it.
    case regexTooComplex(pattern: String, reason: String)
    /// `allow_origin_regex` does not compile in Python `re` (Python raises `re.error`).
    case invalidRegex(pattern: String, reason: String)
    /// A key that is not a CORSMiddleware kwarg; `suggestion` is the nearest kwarg name.
    case unknownKey(String, suggestion: String?)
    /// A value of the wrong JSON type.
    case invalidValue(key: String, expected: String)

    public var description: String {
        switch self {
        case let .unsupportedArgument(name, version, introduced):
            return "CORSMiddleware in Starlette \(version) has no `\(name)` argument (added in \(introduced)); "
                + "passing it raises TypeError"
        case let .unsupportedRegex(pattern, reason):
            return "allow_origin_regex \(quoted(pattern)) uses unsupported Python re syntax: \(reason)"
        case let .regexTooComplex(pattern, reason):
            return "threatscribe refuses to evaluate allow_origin_regex \(quoted(pattern)): \(reason) "
                + "(Python may accept it; threatscribe bounds what it evaluates)"
        case let .invalidRegex(pattern, reason):
            return "allow_origin_regex \(quoted(pattern)) does not compile: \(reason)"
        case let .unknownKey(key, suggestion):
            return "unknown CORSMiddleware argument `\(DiagnosticText.excerpt(key))`"
                + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
        case let .invalidValue(key, expected):
            return "`\(key)` must be \(expected)"
        }
    }

    private func quoted(_ s: String) -> String { "'\(DiagnosticText.excerpt(s))'" }
}
