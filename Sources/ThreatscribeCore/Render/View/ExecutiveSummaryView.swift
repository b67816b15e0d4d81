import Foundation

/// The first thing a reader sees: the system in three lines, the top risks, the few actions that remove
/// most of the risk, and what the model does not say, as questions for the team.
public struct ExecutiveSummaryView: Sendable, Equatable {
    /// Three lines: what the system is, what it is built of, where it runs.
    public var systemLines: [String]
    /// "19 items (3 High, 6 Medium, 10 Low) from 35 per-environment findings; 3 claimed controls contradicted."
    public var verdict: String
    /// At most five items, ranked by severity, confidence and exposure.
    public var topRisks: [RiskView]
    public var hasTopRisks: Bool
    /// At most three changes, each with the items it removes.
    public var actions: [ActionView]
    public var hasActions: Bool
    /// What the model does not say.
    public var questions: [String]
    public var hasQuestions: Bool
}

/// One ranked risk: a link to its item and where it holds.
public struct RiskView: Sendable, Equatable {
    public var anchor: String
    public var title: String
    public var severity: String
    public var severityClass: String
    /// The item's environment classes, for the HTML report's environment filter.
    public var environmentClasses: String
    /// "production, preview" or "3 endpoints in production".
    public var whereText: String
}

/// One change and the items it removes.
public struct ActionView: Sendable, Equatable {
    /// "CORS: CORSMiddleware", or "Upgrade starlette" for a package's advisories.
    public var change: String
    public var path: Code
    /// "4 items, highest Medium".
    public var effect: String
    /// The first three items; `more` counts the rest.
    public var items: [RiskView]
    public var more: String?
}

extension ExecutiveSummaryView {
    init(report: AnalysisReport, items: [FindingView], groups: [FindingGroup], environments: [String]) {
        let model = report.model.base
        systemLines = Self.systemLines(model: model, report: report, environments: environments)
        let counts = Severity.allCases.reversed().compactMap { severity -> String? in
            let count = groups.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.label)"
        }
        let contradicted = report.controlReviews.filter { $0.verdict == .contradicted }.count
        let controls = contradicted == 0 ? "" : "; \(contradicted) claimed control(s) contradicted by the model"
        if groups.isEmpty {
            verdict = "No threat in the catalog applies to \(model.system.name) as modelled\(controls)."
        } else {
            verdict = "\(groups.count) item(s) (\(counts.joined(separator: ", "))), one per root cause, from \(report.findings.count) finding(s) across environments and endpoints\(controls)."
        }
        let risks = zip(items, groups).map { item, group in Self.risk(item, group: group, environments: environments) }
        topRisks = Array(risks.prefix(5))
        hasTopRisks = !topRisks.isEmpty
        actions = Self.actions(items: items, groups: groups, risks: risks)
        hasActions = !actions.isEmpty
        questions = Self.questions(report: report)
        hasQuestions = !questions.isEmpty
    }

    private static func risk(_ item: FindingView, group: FindingGroup, environments: [String]) -> RiskView {
        let holds = group.environments(in: environments)
        let places = holds.count > 1 && holds.count == environments.count ? "all environments" : holds.joined(separator: ", ")
        let whereText = group.isAcrossEndpoints ? "\(group.rootIDs.count) endpoints; \(places)" : places
        return RiskView(anchor: item.anchor, title: item.title, severity: item.severity, severityClass: item.severityClass,
                        environmentClasses: item.environmentClasses, whereText: whereText)
    }

    /// The system's name and purpose; what it is built of; where it runs.
    private static func systemLines(model: ArchitectureModel, report: AnalysisReport, environments: [String]) -> [String] {
        let system = model.system
        let traits = [system.exposure.map { "exposure \($0.rawValue)" }, system.dataClassification.map { "\($0.rawValue) data" },
                      system.owner.map { "owned by \($0)" }].compactMap { $0 }
        var first = system.name + (traits.isEmpty ? "" : " (\(traits.joined(separator: ", ")))")
        if let purpose = system.purpose { first += ": " + purpose.trimmingWhitespacesAndNewlines }
        if first.hasSuffix(".") { first.removeLast() }

        let frameworks = (model.frameworks ?? [:]).keys.sorted().map { "\($0) \(model.frameworks![$0]!)" }
        let endpoints = (model.routers ?? []).reduce(0) { $0 + $1.endpoints.count }
        var parts = [frameworks.isEmpty ? "framework versions not stated" : frameworks.joined(separator: ", ")]
        parts.append("\(endpoints) endpoint(s) in \(model.routers?.count ?? 0) router(s)")
        if let auth = model.auth, !auth.isEmpty {
            parts.append("authentication: " + auth.map { "\($0.id) (\($0.type.rawValue))" }.joined(separator: ", "))
        }
        let pipeline = MiddlewarePipeline.steps(of: model).map(\.name)
        if !pipeline.isEmpty { parts.append("middleware: " + pipeline.joined(separator: ", ")) }
        let stores = (model.dataStores ?? []).map { $0.name ?? $0.id } + (model.externalServices ?? []).map { $0.name ?? $0.id }
        if !stores.isEmpty { parts.append("talks to " + stores.joined(separator: ", ")) }

        let places = environments.map { name -> String in
            let resolved = report.model.environments.first { $0.name == name }
            let kind = resolved?.kind.map { $0.rawValue == name ? "" : " (\($0.rawValue))" } ?? ""
            return name + kind + (resolved?.baseURL.map { " at \($0)" } ?? "")
        }
        var third = "Runs in " + places.joined(separator: "; ")
        if let platform = model.deployment?.platform { third += "; deployed on \(platform)" }
        return [first + ".", "Built with " + parts.joined(separator: "; ") + ".", third + "."]
    }

    /// Items grouped by the element a change would touch (the CORS middleware, a package, the app's docs
    /// settings); the three groups with the most severe and most numerous items.
    private static func actions(items: [FindingView], groups: [FindingGroup], risks: [RiskView]) -> [ActionView] {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (index, group) in groups.enumerated() {
            let key = fixTarget(group.representative.subjectPath.description)
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(index)
        }
        let ranked = order.filter { members[$0]!.count > 1 || groups[members[$0]![0]].severity >= .medium }.sorted { left, right in
            let (l, r) = (members[left]!, members[right]!)
            if groups[l[0]].severity != groups[r[0]].severity { return groups[l[0]].severity > groups[r[0]].severity }
            if l.count != r.count { return l.count > r.count }
            return l[0] < r[0]
        }
        return ranked.prefix(3).map { key in
            let indices = members[key]!
            let first = groups[indices[0]].representative
            let change = key.hasPrefix("frameworks.") || key.hasPrefix("dependencies")
                ? "Upgrade \(key.split(separator: ".").last.map(String.init) ?? key)"
                : "\(first.component): \(first.subjectName)"
            return ActionView(
                change: change, path: Code(key),
                effect: "\(indices.count) item(s), highest \(groups[indices[0]].severity.label)",
                items: indices.prefix(3).map { risks[$0] },
                more: indices.count > 3 ? "and \(indices.count - 3) more" : nil)
        }
    }

    /// The element a fix changes: a package for its advisories (`frameworks.starlette`), else the subject.
    private static func fixTarget(_ path: String) -> String {
        let parts = path.split(separator: ".")
        if parts.first == "frameworks", parts.count > 2 { return parts.prefix(2).joined(separator: ".") }
        return path
    }

    /// One question per part the model leaves out, and one per claimed control it cannot check.
    private static func questions(report: AnalysisReport) -> [String] {
        var questions: [String] = []
        for part in report.notAssessed {
            let question = Self.question(for: part)
            if !questions.contains(question) { questions.append(question) }
        }
        for review in report.controlReviews where review.verdict == .unverifiable {
            questions.append("\(review.control): where is this control enforced? The model does not show it.")
        }
        return questions
    }

    private static func question(for part: String) -> String {
        switch part {
        case let text where text.hasPrefix("framework versions"): "Which versions of fastapi, starlette, pydantic and uvicorn run?"
        case "the middleware pipeline": "Which middleware does the app add, and in what order?"
        case "authentication mechanisms": "How do callers authenticate, and where does the credential travel?"
        case "routers and endpoints": "Which routes does the API serve?"
        case "request and response models": "Which request and response models bound what goes in and out?"
        case "the clients that call the API": "Who calls the API (browsers, services), and from which origins?"
        case "data stores and external services": "Which data stores and external services does it use?"
        case "data flows": "What data flows between the parts, and is each flow encrypted?"
        case "trust boundaries": "Where are the trust boundaries?"
        case "the ASGI server configuration": "How is the ASGI server run (bind address, proxy headers, limits)?"
        case "the deployment": "Where and how is it deployed (ingress, TLS, secrets, network policy)?"
        case "the build process": "How is it built (code review, dependency and image scanning, SBOM)?"
        case "dependencies": "Which dependencies and versions does it pin?"
        case "logging": "What does it log, where do logs go, and who reads them?"
        case "the controls the team claims": "Which security controls does the team rely on?"
        default: "The model does not describe \(part): what is it?"
        }
    }
}
