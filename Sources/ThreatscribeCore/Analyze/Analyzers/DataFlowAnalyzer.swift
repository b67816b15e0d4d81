/// Facts about each data flow between two elements (scope `data_flow`): whether it is encrypted,
/// what it carries and whether it crosses a trust boundary the model draws.
struct DataFlowAnalyzer: Analyzer {
    let scopes = [FactScope("data_flow", "Data moving between two elements of the model.", fields: [
        FactField("from", .string, "The sender's id (`api` is the service itself)."),
        FactField("to", .string, "The receiver's id."),
        FactField("protocol", .string, "The protocol, lower case."),
        FactField("tls", .bool, "The flow is encrypted: as the model says, else inferred from the protocol (`https`, `wss`, … yes; `http`, `ws`, `ftp`, `telnet` no)."),
        FactField("tls_stated", .bool, "The model states `tls` for the flow."),
        FactField("data", .list, "What the flow carries."),
        FactField("sensitive_data", .list, "The items of `data` that name sensitive data (passwords, tokens, personal data, …)."),
        FactField("touches_sensitive_store", .bool, "One end is a data store the model says holds sensitive data."),
        FactField("carries_sensitive_data", .bool, "The flow carries sensitive data or reaches a store that holds it."),
        FactField("crosses_trust_boundary", .bool, "The two ends lie in different trust boundaries (an element in none counts as outside); unknown when the model draws no boundaries."),
        FactField("boundaries", .string, "The boundaries of the two ends, e.g. `cluster → outside`."),
    ])]

    static let encryptedProtocols: Set<String> = ["https", "wss", "grpcs", "tls", "mtls", "sftp", "ssh", "smtps", "imaps", "rediss", "amqps", "mqtts", "ldaps"]
    static let plainProtocols: Set<String> = ["http", "ws", "ftp", "telnet"]

    /// TLS as the model states it, else as the protocol implies.
    static func tls(stated: Bool?, protocol name: String?) -> Bool? {
        if let stated { return stated }
        guard let name = name?.lowercased() else { return nil }
        if encryptedProtocols.contains(name) || name.contains("+tls") || name.contains("+ssl") { return true }
        if plainProtocols.contains(name) { return false }
        return nil
    }

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let model = context.model
        let sensitiveStores = Set((model.dataStores ?? []).filter { $0.holdsSensitiveData == true }.map(\.id))
        let boundaries = model.trustBoundaries ?? []
        func boundary(of id: String) -> String {
            boundaries.first { $0.contains.contains(id) }.map { $0.name ?? $0.id } ?? "outside"
        }
        return (model.dataFlows ?? []).enumerated().map { index, flow in
            let path = ModelPath("data_flows").appending(index)
            let name = flow.id ?? "\(flow.from) → \(flow.to)"
            var subject = FactSubject(scope: "data_flow", path: path, name: name, component: Component.dataFlow)
            subject.set("from", .string(flow.from), from: path.appending("from"))
            subject.set("to", .string(flow.to), from: path.appending("to"))
            subject.set("protocol", FactValue(flow.protocol?.lowercased()), from: path.appending("protocol"))
            let tls = Self.tls(stated: flow.tls, protocol: flow.protocol)
            subject.set("tls", FactValue(tls), from: path.appending(flow.tls != nil ? "tls" : "protocol"),
                        shownAs: flow.tls == nil && tls != nil ? "\(tls!) (from protocol `\(flow.protocol ?? "")`)" : nil)
            subject.set("tls_stated", .bool(flow.tls != nil), from: path.appending("tls"))
            subject.set("data", FactValue(flow.data), from: path.appending("data"))
            let sensitive = (flow.data ?? []).filter { !SensitiveTerms.matches(in: $0, of: SensitiveTerms.data).isEmpty }
            subject.set("sensitive_data", .list(sensitive), from: path.appending("data"))
            let touches = sensitiveStores.contains(flow.from) || sensitiveStores.contains(flow.to)
            subject.set("touches_sensitive_store", .bool(touches), from: "data_stores")
            if !sensitive.isEmpty || touches {
                subject.set("carries_sensitive_data", .bool(true), from: path.appending("data"))
            } else if flow.data != nil {
                subject.set("carries_sensitive_data", .bool(false), from: path.appending("data"))
            }
            if !boundaries.isEmpty {
                let from = boundary(of: flow.from), to = boundary(of: flow.to)
                subject.set("crosses_trust_boundary", .bool(from != to), from: "trust_boundaries", shownAs: "\(from != to) (\(from) → \(to))")
                subject.set("boundaries", .string("\(from) → \(to)"), from: "trust_boundaries")
            }
            return subject
        }
    }
}
