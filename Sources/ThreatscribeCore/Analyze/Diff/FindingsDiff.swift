/// What changed between two sets of findings, matched by finding id: new, resolved, and changed
/// (severity or tracked status). Titles and prose are not compared: they quote the model and would
/// report every renamed value as a change.
public struct FindingsDiff: Codable, Sendable, Equatable {
    public var new: [FindingsDocument.Item]
    public var resolved: [FindingsDocument.Item]
    public var changed: [Change]

    /// A finding present on both sides whose severity or status differs.
    public struct Change: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var severity: Severity
        public var previousSeverity: Severity?
        public var status: String
        public var previousStatus: String?
    }

    public var isEmpty: Bool { new.isEmpty && resolved.isEmpty && changed.isEmpty }

    /// The diff from `old` to `new`; each list keeps the order of its side (highest severity first).
    public init(old: [FindingsDocument.Item], new: [FindingsDocument.Item]) {
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.map(\.id))
        self.new = new.filter { oldByID[$0.id] == nil }
        self.resolved = old.filter { !newIDs.contains($0.id) }
        self.changed = new.compactMap { item in
            guard let before = oldByID[item.id],
                  before.severity != item.severity || before.tracking.status != item.tracking.status else { return nil }
            return Change(id: item.id, title: item.title, severity: item.severity,
                          previousSeverity: before.severity == item.severity ? nil : before.severity,
                          status: item.tracking.status,
                          previousStatus: before.tracking.status == item.tracking.status ? nil : before.tracking.status)
        }
    }

    /// New findings that count for `--fail-on`: open ones (not accepted, mitigated or a false positive,
    /// or whose acceptance expired), or all new ones when `strict`.
    public func newFindingsCounted(strict: Bool) -> [FindingsDocument.Item] {
        strict ? new : new.filter { item in
            let closed = TrackingStatus(rawValue: item.tracking.status)?.isClosed ?? false
            return !closed || item.tracking.expired == true
        }
    }
}
