/// Turns a ``TM7Model`` into a draft: external interactors become `clients`, data stores
/// `data_stores`, processes `external_services` (which one is the FastAPI service is a question for
/// a person), flows `data_flows`, border boundaries `trust_boundaries` (membership by geometry, as
/// the tool draws it), threats `recorded_threats` with their states.
enum TM7Draft {
    static func draft(_ tm7: TM7Model, file: String) -> ImportDraft {
        func source(_ line: Int) -> DraftNode { DraftSource.reference(SourceLocation(file: file, line: line, column: 1)) }
        var model = DraftSource.root(systemName: tm7.name ?? "Threat model \(DraftSource.fileName(file))", at: SourceLocation(file: file, line: 1, column: 1))
        var used: Set<String> = []
        var ids: [String: String] = [:]  // stencil guid → element id
        var lists: [String: [DraftNode]] = ["clients": [], "data_stores": [], "external_services": []]
        var annotations = 0
        for stencil in tm7.stencils {
            let list: String
            switch stencil.genericType {
            case "GE.EI": list = "clients"
            case "GE.DS": list = "data_stores"
            case "GE.P": list = "external_services"
            default:
                annotations += 1
                continue
            }
            let id = DraftSource.unique(DraftSource.identifier(stencil.name, fallback: "element"), in: &used)
            ids[stencil.guid] = id
            var node = DraftNode.mapping([("id", .string(id))])
            if !stencil.name.isEmpty { node.append("name", .string(stencil.name, comment: "\(stencil.genericType) \(stencil.typeID), Guid \(stencil.guid)")) }
            node.append("source", source(stencil.line))
            if stencil.outOfScope { node.notes.append("marked Out Of Scope in the tool") }
            lists[list]!.append(node)
        }
        for key in ["clients", "data_stores", "external_services"] where !lists[key]!.isEmpty {
            model.append(key, .sequence(lists[key]!))
        }

        var flows: [DraftNode] = []
        var flowIDs: Set<String> = []
        var skippedFlows = 0
        for flow in tm7.flows {
            guard let from = ids[flow.source], let to = ids[flow.target] else {
                skippedFlows += 1
                continue
            }
            var node = DraftNode.mapping([
                ("id", .string(DraftSource.unique(DraftSource.identifier(flow.name, fallback: "flow"), in: &flowIDs), comment: "Guid \(flow.guid)")),
                ("from", .string(from)), ("to", .string(to)),
            ])
            let kind = flow.typeID.split(separator: ".").last.map(String.init)?.lowercased() ?? ""
            if ["https", "http"].contains(kind) {
                node.append("protocol", .string(kind, comment: flow.typeID))
                node.append("tls", .boolean(kind == "https"))
            }
            if !flow.name.isEmpty { node.append("description", .string(flow.name)) }
            node.append("source", source(flow.line))
            flows.append(node)
        }
        if !flows.isEmpty { model.append("data_flows", .sequence(flows)) }

        var boundaries: [DraftNode] = []
        var boundaryIDs: Set<String> = []
        for border in tm7.borders {
            guard let frame = border.frame else { continue }
            let inside = tm7.stencils.filter { ids[$0.guid] != nil && $0.frame.map(frame.contains) ?? false }.compactMap { ids[$0.guid] }
            guard !inside.isEmpty else { continue }
            var node = DraftNode.mapping([("id", .string(DraftSource.unique(DraftSource.identifier(border.name, fallback: "boundary"), in: &boundaryIDs)))])
            if !border.name.isEmpty { node.append("name", .string(border.name)) }
            node.append("contains", .strings(inside, comment: "the stencils drawn inside it"))
            node.append("source", source(border.line))
            boundaries.append(node)
        }
        if !boundaries.isEmpty { model.append("trust_boundaries", .sequence(boundaries)) }

        var threats: [DraftNode] = []
        var threatIDs: Set<String> = []
        var states: [String: Int] = [:]
        for threat in tm7.threats {
            let state = self.state(threat.state)
            states[threat.state.isEmpty ? "no state" : threat.state, default: 0] += 1
            var node = DraftNode.mapping([
                ("id", .string(DraftSource.unique("TM7-\(threat.id)", in: &threatIDs))),
                ("title", .string(threat.title)),
            ])
            if let category = threat.category { node.append("category", .string(category)) }
            if let state { node.append("state", .string(state)) }
            if let priority = threat.priority { node.append("priority", .string(priority)) }
            if let justification = threat.justification { node.append("justification", .string(justification)) }
            if let from = ids[threat.source] { node.append("from", .string(from)) }
            if let to = ids[threat.target] { node.append("to", .string(to)) }
            node.append("source", source(threat.line))
            threats.append(node)
        }
        if !threats.isEmpty { model.append("recorded_threats", .sequence(threats)) }

        var found = [
            "\(lists["clients"]!.count) external interactors, \(lists["external_services"]!.count) processes, \(lists["data_stores"]!.count) data stores",
            "\(flows.count) data flows, \(boundaries.count) border trust boundaries",
            "\(tm7.threats.count) threats (" + states.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")",
        ]
        if annotations > 0 { found.append("\(annotations) annotations (not drafted)") }
        var questions = ["Which process is the FastAPI service? Use `api` for it in data_flows and trust_boundaries, and remove it from external_services."]
        if !tm7.lineBoundaries.isEmpty {
            questions.append("\(tm7.lineBoundaries.count) line trust boundaries are lines flows cross, not groups: state which elements each side holds.")
        }
        if skippedFlows > 0 { questions.append("\(skippedFlows) flows do not connect two elements and were left out.") }
        if tm7.threats.contains(where: { state($0.state) == nil }) { questions.append("Some threats carry a state threatscribe does not know; it was left out.") }
        return ImportDraft(kind: "Threat Modeling Tool model", model: model, found: found, questions: questions)
    }

    static func state(_ text: String) -> String? {
        switch text {
        case "Mitigated": "mitigated"
        case "NotApplicable": "not_applicable"
        case "NeedsInvestigation": "needs_investigation"
        case "AutoGenerated": "auto_generated"
        case "NotStarted": "not_started"
        default: nil
        }
    }
}
