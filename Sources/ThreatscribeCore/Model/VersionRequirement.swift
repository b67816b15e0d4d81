/// What a model says about a package's version, in one of three forms:
///
/// - a resolved version: `0.41.3` or `==0.41.3`;
/// - a version a lock file resolves: `0.41.3 (uv.lock:812)` — the parenthesised part is the lock
///   file, optionally with the line (a `path` or `path:line`), so evidence can cite it;
/// - a range, as `pyproject.toml` or `requirements.txt` declare it: PEP 440 specifiers
///   (`>=0.40,<0.42`, `~=0.115.0`, `==0.115.*`, `!=0.41.0`) and Poetry's `^0.115` / `~0.115`.
public struct VersionRequirement: Hashable, Sendable, CustomStringConvertible {
    /// The form of a requirement.
    public enum Form: Hashable, Sendable {
        /// One version, as the model states it.
        case resolved(PackageVersion)
        /// One version, resolved by the lock file at `lockFile` (`uv.lock` or `uv.lock:812`).
        case locked(PackageVersion, lockFile: String)
        /// Any version the range allows.
        case range(VersionRange)
    }

    /// The text as the model writes it.
    public var text: String
    public var form: Form

    /// Parses the three forms; `nil` for anything else.
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespaces
        self.text = trimmed
        if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") {
            let lockFile = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].trimmingWhitespaces
            let head = trimmed[..<open].trimmingWhitespaces
            guard !lockFile.isEmpty, !lockFile.contains(" "), let version = Self.single(head) else { return nil }
            form = .locked(version, lockFile: lockFile)
        } else if let version = Self.single(trimmed) {
            form = .resolved(version)
        } else if let range = VersionRange(trimmed) {
            form = .range(range)
        } else {
            return nil
        }
    }

    /// `0.41.3` or `==0.41.3` (not `==0.41.*`): exactly one version.
    private static func single(_ text: String) -> PackageVersion? {
        var body = Substring(text)
        if body.hasPrefix("===") { body = body.dropFirst(3) } else if body.hasPrefix("==") { body = body.dropFirst(2) }
        body = Substring(body.trimmingWhitespaces)
        if body.hasPrefix("v") { body = body.dropFirst() }
        guard let first = body.first, first.isNumber, !body.contains("*"), !body.contains(","),
              body.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }) else { return nil }
        return PackageVersion(String(body))
    }

    /// The one version the requirement names, for the resolved and locked forms.
    public var version: PackageVersion? {
        switch form {
        case .resolved(let version), .locked(let version, _): version
        case .range: nil
        }
    }

    /// The lock file reference of the locked form.
    public var lockFile: String? {
        if case .locked(_, let lockFile) = form { return lockFile }
        return nil
    }

    /// Whether a version is allowed.
    public func allows(_ candidate: PackageVersion) -> Bool {
        switch form {
        case .resolved(let version), .locked(let version, _): version == candidate
        case .range(let range): range.contains(candidate)
        }
    }

    public var description: String { text }

    /// `true` when every version the requirement allows is `threshold` or later, `false` when every
    /// one is earlier, `nil` when a range allows both (the installed version decides).
    public func isAtLeast(_ threshold: PackageVersion) -> Bool? {
        switch form {
        case .resolved(let version), .locked(let version, _):
            return !(version < threshold)
        case .range(let range):
            if let lower = range.lowerBound, !(lower.version < threshold) { return true }
            let below = range.clauses.contains { clause in
                (clause.op == .less && !(threshold < clause.version)) || (clause.op == .lessOrEqual && clause.version < threshold)
            }
            return below ? false : nil
        }
    }

    /// How the forms read in messages and the reference.
    public static let formsHelp = "a version (`0.41.3`), a version resolved by a lock file (`0.41.3 (uv.lock:812)`) or a range (`>=0.40,<0.42`, `~=0.115.0`, `^0.115`)"
}
