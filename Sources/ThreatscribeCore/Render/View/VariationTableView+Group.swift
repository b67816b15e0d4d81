extension VariationTableView {
    /// The table of what differs between the findings `group` merges, or `nil` when it merges one finding
    /// or nothing but the environment differs.
    init?(_ group: FindingGroup, environments: [String]) {
        guard group.members.count > 1 else { return nil }
        // Each member's values by key; a key is a column when any member's value differs from the first
        // member's (or one of them has none). Across endpoints only the rows shown are kept.
        var keys: [String] = []
        var known: Set<String> = []
        var values: [[String: String]] = []
        var first: [String: String] = [:]
        var differing: Set<String> = []
        var row: [String: String] = [:]
        // Members are read in place: a copy of each `Finding` would cost more than the rest.
        for position in group.members.indices {
            row.removeAll(keepingCapacity: true)
            for item in group.members[position].evidence where item.fact != "env.kind" {
                let key = Self.key(of: item)
                if known.insert(key).inserted { keys.append(key) }
                row[key] = item.value
            }
            let tracking = group.members[position].tracking == nil ? [] : FindingView.trackingFacts(group.members[position])
            if !tracking.isEmpty {
                if known.insert("tracking").inserted { keys.append("tracking") }
                row["tracking"] = tracking.map { "\($0.label): \($0.value)" }.joined(separator: "; ")
            }
            if position == 0 {
                first = row
            } else if row != first {
                for (key, value) in row where first[key] != value { differing.insert(key) }
                for key in first.keys where row[key] == nil { differing.insert(key) }
            }
            if !group.isAcrossEndpoints || position < Self.maximumRows { values.append(row) }
        }
        let columns = keys.filter(differing.contains)
        let hasSeverity = group.members.contains { $0.severity != group.members[0].severity }
        guard !columns.isEmpty || hasSeverity || group.isAcrossEndpoints else { return nil }
        // Environments with the same values share a row; a long list of endpoints is cut to its first rows
        // (one row per endpoint, so only the rows shown are built).
        var rows: [VariationRowView] = []
        for (member, row) in zip(group.members, values) {
            if group.isAcrossEndpoints, rows.count == Self.maximumRows { break }
            let places = environments.filter(member.environments.contains).joined(separator: ", ")
            let cells = columns.map { VariationCellView(value: Code(row[$0] ?? ""), isMissing: row[$0] == nil) }
            if !group.isAcrossEndpoints,
               let index = rows.firstIndex(where: { $0.rowSeverity == member.severity.label && $0.cells == cells }) {
                rows[index].label += ", " + places
                continue
            }
            rows.append(VariationRowView(
                label: group.isAcrossEndpoints ? "\(member.subjectName) (\(places))" : places,
                id: Code(member.id), rowSeverity: member.severity.label, cells: cells))
        }
        let rowCount = group.isAcrossEndpoints ? group.members.count : rows.count
        let shown = rows.prefix(Self.maximumRows)
        self.init(
            label: group.isAcrossEndpoints ? "Endpoint" : "Environment",
            hasSeverity: hasSeverity,
            columns: columns.map(Code.init),
            separator: String(repeating: " --- |", count: 1 + (hasSeverity ? 1 : 0) + columns.count),
            rows: Array(shown),
            more: rowCount > shown.count ? "\(rowCount - shown.count) more rows: the JSON, SARIF and CSV exports list every finding." : nil)
    }

    /// Rows shown before the table says how many more there are.
    static let maximumRows = 25

    /// What an evidence item is about, the same across environments and endpoints: its fact, else its path.
    static func key(of evidence: Evidence) -> String {
        evidence.fact ?? evidence.path.description
    }
}

/// A finding's title without the environment it was rendered for: "No Referrer-Policy in production" is
/// "No Referrer-Policy" once the item covers every environment where it holds.
enum EnvironmentFreeTitle {
    static func title(_ title: String, environments: [String]) -> String {
        var result = title
        for name in environments.sorted(by: { $0.count > $1.count }) where !name.isEmpty {
            let needle = " in " + name
            var kept = ""
            var rest = result[...]
            while let range = rest.range(of: needle) {
                let next = rest[range.upperBound...].unicodeScalars.first
                let continuesWord = next.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" } ?? false
                kept += rest[..<range.lowerBound]
                if continuesWord { kept += rest[range] }
                rest = rest[range.upperBound...]
            }
            result = kept + rest
        }
        return result
    }
}
