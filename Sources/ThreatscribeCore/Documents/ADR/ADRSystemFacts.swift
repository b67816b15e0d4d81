/// What every decision record states about the system, from the model: trust model, exposure,
/// environments and their domains, browser clients, authentication; and what the analysis holds
/// against the decision (findings grouped by threat, control reviews).
struct ADRSystemFacts {
    var report: AnalysisReport
    var decision: ADRDecision

    var model: ArchitectureModel { report.model.base }

    /// The environment the record's examples use: production, else staging, else the first.
    var primaryEnvironment: ResolvedEnvironment? {
        let environments = report.model.environments
        return environments.first { $0.kind == .production } ?? environments.first { $0.kind == .staging } ?? environments.first
    }

    var hasProduction: Bool { report.model.environments.contains { $0.kind == .production } }

    func facts() -> [Prose] {
        var lines: [Prose] = []
        let system = model.system
        if let purpose = system.purpose { lines.append(Prose("**System:** \(MD.text(system.name)): \(MD.text(purpose))")) }
        else { lines.append(Prose("**System:** \(MD.text(system.name))")) }
        if let trust = system.trustModel { lines.append(Prose("**Trust model (as the model states it):** \(MD.text(trust))")) }
        if let exposure = system.exposure { lines.append(Prose("**Exposure:** \(MD.code(exposure.rawValue))")) }
        for environment in report.model.environments {
            var line = "**Environment \(MD.code(environment.name))**"
            if let kind = environment.kind { line += " (\(kind.rawValue))" }
            line += ": API at " + (environment.baseURL.map(MD.code) ?? "no base URL in the model")
            let origins = browserOrigins(in: environment)
            if !origins.isEmpty { line += "; browser clients at " + MD.list(origins) }
            lines.append(Prose(line))
        }
        let mechanisms = model.auth ?? []
        if mechanisms.isEmpty {
            lines.append(Prose("**Authentication:** the model names no mechanism."))
        } else {
            let described = mechanisms.map { mechanism in
                var text = "\(MD.code(mechanism.id)) (\(MD.code(mechanism.type.rawValue))"
                if let transport = mechanism.transport { text += ", carried in the \(transport.rawValue)" }
                return text + ")"
            }
            lines.append(Prose("**Authentication:** " + described.joined(separator: "; ")))
        }
        return lines
    }

    /// Origins of the clients that run in a browser, in one environment.
    func browserOrigins(in environment: ResolvedEnvironment) -> [String] {
        var origins: [String] = []
        for client in environment.model.clients ?? [] {
            guard let origin = client.origin, !origins.contains(origin) else { continue }
            let type = client.type.flatMap(ClientType.init(rawValue:))
            if type == nil || type == .browserSPA || type == .serverRenderedWeb || type == .desktopApp { origins.append(origin) }
        }
        return origins
    }

    /// The decision's findings, one bullet per threat with the environments where it holds.
    func findingBullets() -> [Prose] {
        var order: [String] = []
        var byThreat: [String: [Finding]] = [:]
        for finding in report.findings where decision.concerns(finding) {
            if byThreat[finding.threatID] == nil { order.append(finding.threatID) }
            byThreat[finding.threatID, default: []].append(finding)
        }
        return order.map { threat in
            let findings = byThreat[threat] ?? []
            var environments: [String] = []
            for environment in findings.flatMap(\.environments) where !environments.contains(environment) { environments.append(environment) }
            let first = findings[0]
            let title = first.title.hasSuffix(".") ? String(first.title.dropLast()) : first.title
            return Prose("Bad, because the analysis finds: \(MD.text(title)) (\(first.cwe.id), \(first.severity.rawValue); \(environments.map(MD.code).joined(separator: ", "))): finding \(findings.map { MD.code($0.id) }.joined(separator: ", ")).")
        }
    }

    /// Claims the model records for this decision's controls that the analysis contradicts or cannot verify.
    func reviewCorrections() -> [Prose] {
        report.controlReviews.compactMap { review in
            guard review.verdict != .supported else { return nil }
            let control = (model.controls ?? []).first { [$0.id, $0.name].compactMap { $0 }.joined(separator: ": ") == review.control }
            guard let kind = control?.kind, decision.controlKinds.contains(kind) else { return nil }
            let claim = review.claim.map { " claims “\(MD.text($0))”" } ?? ""
            let verdict = review.verdict == .contradicted ? "contradicted by the model" : "not shown by the model"
            return Prose("\(MD.text(review.control))\(claim): \(verdict). \(MD.text(review.reason))")
        }
    }
}
