/// The team's decisions about findings, read from a tracking file (`--tracking FILE`):
///
/// ```yaml
/// TS-CORS-002@middleware[0]:
///   status: accepted
///   justification: Only our own origins can be listed; reviewed with the platform team.
///   ticket: SEC-123
///   owner: alice
///   date: 2026-01-10
///   expires: 2026-04-01
/// "TS-DEP-*@*":
///   status: in-progress
/// ```
///
/// Keys are finding ids; `*` matches any run of characters. An exact key wins over a wildcard; among
/// wildcards, the first in the file wins.
public struct RiskTracking: Sendable, Equatable {
    public var entries: [RiskTrackingEntry]

    public init(entries: [RiskTrackingEntry]) { self.entries = entries }

    /// The entry that applies to the finding `id`, if any.
    public func entry(for id: String) -> RiskTrackingEntry? {
        entries.first { $0.pattern == id } ?? entries.first { $0.pattern.contains("*") && Wildcard.matches($0.pattern, id) }
    }
}

/// What the team decided about the findings a pattern matches.
public struct RiskTrackingEntry: Sendable, Equatable {
    /// A finding id, possibly with `*` wildcards.
    public var pattern: String
    public var status: TrackingStatus
    public var justification: String?
    public var ticket: String?
    public var owner: String?
    /// When the decision was taken (YYYY-MM-DD).
    public var date: String?
    /// The day from which the decision no longer holds (YYYY-MM-DD).
    public var expires: String?
    /// Where the entry's key is in the tracking file.
    public var location: SourceLocation

    public init(pattern: String, status: TrackingStatus, justification: String? = nil, ticket: String? = nil, owner: String? = nil,
                date: String? = nil, expires: String? = nil, location: SourceLocation) {
        self.pattern = pattern
        self.status = status
        self.justification = justification
        self.ticket = ticket
        self.owner = owner
        self.date = date
        self.expires = expires
        self.location = location
    }
}

/// Where a finding stands in the team's review.
public enum TrackingStatus: String, Sendable, Codable, CaseIterable {
    case unchecked
    case inDiscussion = "in-discussion"
    case accepted
    case inProgress = "in-progress"
    case mitigated
    case falsePositive = "false-positive"

    /// Accepted, mitigated and false-positive findings no longer need work; `--fail-on` ignores them unless `--strict`.
    public var isClosed: Bool { self == .accepted || self == .mitigated || self == .falsePositive }
}

/// `*` matches any run of characters (none included); every other character matches itself.
enum Wildcard {
    /// Greedy matching with one backtrack point: O(pattern × text) at worst, no recursion.
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.unicodeScalars), t = Array(text.unicodeScalars)
        var i = 0, j = 0
        var star: Int?, resume = 0
        while j < t.count {
            if i < p.count, p[i] != "*", p[i] == t[j] {
                i += 1; j += 1
            } else if i < p.count, p[i] == "*" {
                star = i; resume = j; i += 1
            } else if let star {
                i = star + 1; resume += 1; j = resume
            } else {
                return false
            }
        }
        while i < p.count, p[i] == "*" { i += 1 }
        return i == p.count
    }
}
