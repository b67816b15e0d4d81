/// A version range: PEP 440 specifiers joined by commas (`>=0.40,<0.42`, `~=0.115.0`, `==0.115.*`,
/// `!=0.41.0`, `*`) or Poetry's caret and tilde (`^0.115`, `~0.115.2`), as intervals.
public struct VersionRange: Hashable, Sendable {
    /// One comparison every allowed version satisfies.
    public struct Clause: Hashable, Sendable {
        public enum Operator: String, Hashable, Sendable { case greaterOrEqual = ">=", greater = ">", lessOrEqual = "<=", less = "<", notEqual = "!=" }
        public var op: Operator
        public var version: PackageVersion

        func admits(_ candidate: PackageVersion) -> Bool {
            switch op {
            case .greaterOrEqual: !(candidate < version)
            case .greater: version < candidate
            case .lessOrEqual: !(version < candidate)
            case .less: candidate < version
            case .notEqual: candidate != version
            }
        }
    }

    public var clauses: [Clause]

    /// Parses a specifier set; `nil` when any part is not a specifier.
    public init?(_ text: String) {
        var clauses: [Clause] = []
        let parts = text.split(separator: ",").map { $0.trimmingWhitespaces }
        guard !parts.isEmpty else { return nil }
        for part in parts {
            guard let expanded = Self.clauses(part) else { return nil }
            clauses += expanded
        }
        self.clauses = clauses
    }

    /// Whether `candidate` satisfies every clause.
    public func contains(_ candidate: PackageVersion) -> Bool { clauses.allSatisfy { $0.admits(candidate) } }

    /// The greatest lower bound the clauses state, with whether it is inclusive.
    public var lowerBound: (version: PackageVersion, inclusive: Bool)? {
        var best: (version: PackageVersion, inclusive: Bool)?
        for clause in clauses where clause.op == .greaterOrEqual || clause.op == .greater {
            let inclusive = clause.op == .greaterOrEqual
            if let current = best, clause.version < current.version || (clause.version == current.version && !inclusive && !current.inclusive) { continue }
            if let current = best, clause.version == current.version, inclusive, !current.inclusive { continue }
            best = (clause.version, inclusive)
        }
        return best
    }

    private static func clauses(_ part: String) -> [Clause]? {
        if part == "*" { return [] }
        for prefix in ["~=", "==", "!=", ">=", "<=", "^", "~", ">", "<"] where part.hasPrefix(prefix) {
            let body = part.dropFirst(prefix.count).trimmingWhitespaces
            if body.hasSuffix(".*"), prefix == "==" || prefix == "!=" {
                guard let base = number(String(body.dropLast(2))) else { return nil }
                let next = PackageVersion(Array(base.release.dropLast()) + [base.release.last! + 1])
                return prefix == "==" ? [Clause(op: .greaterOrEqual, version: base), Clause(op: .less, version: next)] : nil
            }
            guard let version = number(body) else { return nil }
            switch prefix {
            case "==": return [Clause(op: .greaterOrEqual, version: version), Clause(op: .lessOrEqual, version: version)]
            case "!=": return [Clause(op: .notEqual, version: version)]
            case ">=": return [Clause(op: .greaterOrEqual, version: version)]
            case "<=": return [Clause(op: .lessOrEqual, version: version)]
            case ">": return [Clause(op: .greater, version: version)]
            case "<": return [Clause(op: .less, version: version)]
            case "~=":
                // ~=1.4.2 → >=1.4.2,<1.5; ~=1.4 → >=1.4,<2 (PEP 440 needs two components).
                guard version.release.count >= 2 else { return nil }
                let kept = Array(version.release.dropLast())
                return [Clause(op: .greaterOrEqual, version: version), Clause(op: .less, version: PackageVersion(Array(kept.dropLast()) + [kept.last! + 1]))]
            case "~":
                // Poetry: ~1.2.3 → >=1.2.3,<1.3; ~1.2 → >=1.2,<1.3; ~1 → >=1,<2.
                let kept = version.release.count >= 2 ? Array(version.release.prefix(2)) : [version.release[0]]
                return [Clause(op: .greaterOrEqual, version: version), Clause(op: .less, version: PackageVersion(Array(kept.dropLast()) + [kept.last! + 1]))]
            default:
                // Poetry caret: the left-most non-zero component may not change (^0.115 → <0.116, ^1.2 → <2).
                let release = version.release
                let index = release.firstIndex { $0 != 0 } ?? (release.count - 1)
                let upper = Array(release.prefix(index)) + [release[index] + 1]
                return [Clause(op: .greaterOrEqual, version: version), Clause(op: .less, version: PackageVersion(upper))]
            }
        }
        return nil
    }

    /// A plain release number (`0.115`, `1.0.0rc1`), without operators.
    private static func number(_ text: String) -> PackageVersion? {
        guard let first = text.first, first.isNumber,
              text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." }) else { return nil }
        return PackageVersion(text)
    }
}
