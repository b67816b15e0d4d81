extension RiskTracking {
    static let fields = ["status", "justification", "ticket", "owner", "date", "expires"]

    /// Reads a tracking file (YAML or JSON). Every problem is a located diagnostic; all are reported together.
    public static func load(text: String, file: String) throws(DiagnosticList) -> RiskTracking {
        let root = try LocatedNode.parse(text, file: file)
        guard let entries = root.entries else {
            throw DiagnosticList([Diagnostic(.error, "a tracking file is a mapping from finding ids to decisions", at: root.location)])
        }
        var problems: [Diagnostic] = []
        var result: [RiskTrackingEntry] = []
        for entry in entries {
            guard let fields = entry.value.entries else {
                problems.append(Diagnostic(.error, "`\(entry.key)` must map to `status:` and the other tracking fields", at: entry.value.location))
                continue
            }
            var values: [String: String] = [:]
            for field in fields {
                guard Self.fields.contains(field.key) else {
                    let hint = Suggestion.closest(to: field.key, in: Self.fields).map { "; did you mean `\($0)`?" } ?? ""
                    problems.append(Diagnostic(.error, "unknown key `\(field.key)` in tracking entry `\(entry.key)`\(hint)", at: field.keyLocation))
                    continue
                }
                guard let scalar = field.value.scalarValue, scalar.kind != .null else {
                    problems.append(Diagnostic(.error, "`\(field.key)` must be text", at: field.value.location))
                    continue
                }
                values[field.key] = scalar.text
            }
            for key in ["date", "expires"] {
                if let day = values[key], !Self.isDay(day) {
                    problems.append(Diagnostic(.error, "`\(key)` must be a date YYYY-MM-DD", at: fields.first { $0.key == key }?.value.location))
                }
            }
            guard let statusText = values["status"] else {
                problems.append(Diagnostic(.error, "tracking entry `\(entry.key)` has no `status`", at: entry.keyLocation))
                continue
            }
            guard let status = TrackingStatus(rawValue: statusText) else {
                problems.append(Diagnostic(.error, "unknown status `\(statusText)`; use \(TrackingStatus.allCases.map(\.rawValue).joined(separator: ", "))",
                                           at: fields.first { $0.key == "status" }?.value.location))
                continue
            }
            result.append(RiskTrackingEntry(pattern: entry.key, status: status, justification: values["justification"], ticket: values["ticket"],
                                            owner: values["owner"], date: values["date"], expires: values["expires"], location: entry.keyLocation))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return RiskTracking(entries: result)
    }

    /// `YYYY-MM-DD` with a month 01–12 and a day 01–31.
    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
