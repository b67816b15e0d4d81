/// What the model says about one component it has.
public struct ComponentView: Sendable, Equatable {
    public var name: String
    public var anchor: String
    /// What the model says about it.
    public var facts: [FactView]
    public var hasFacts: Bool
    /// The middleware pipeline, outermost first (only for the pipeline component).
    public var pipeline: [PipelineStepView]
    public var hasPipeline: Bool
    /// One sentence on how the order was derived, for the pipeline component.
    public var pipelineNote: String?
    /// The report's appendix shows the pipeline when its order matters (two or more middleware) or the
    /// environments configure it differently; one middleware's settings are in the items that cite them.
    public var showsPipeline = false
    /// The facts the model states (set by `splittingFacts()`).
    public var knownFacts: [FactView] = []
    public var hasKnownFacts = false
    /// "WAF, Ingress rate limiting": the aspects the model does not describe, in one line.
    public var missingAspects: String? = nil
}

/// One middleware, in execution order.
public struct PipelineStepView: Sendable, Equatable {
    /// 1 is outermost: it sees the request first and the response last.
    public var position: Int
    public var name: String
    public var type: String
    /// Its settings, e.g. `allow_origins=["*"], allow_credentials=true`.
    public var settings: String
    public var source: String?
    /// Its settings one by one (the same as `settings`).
    public var arguments: [SettingView] = []
    /// Where environments set it differently: one row per setting, one column per environment.
    public var matrix: SettingsMatrixView?
}

/// One setting of a middleware: `allow_origins` → `["*"]`.
public struct SettingView: Sendable, Equatable {
    public var name: String
    public var value: String
}

/// Settings that differ across environments, as a table: a row per setting, a column per environment.
public struct SettingsMatrixView: Sendable, Equatable {
    public var environments: [String]
    public var rows: [SettingRowView]
}

public struct SettingRowView: Sendable, Equatable {
    public var name: String
    /// One value per environment, in `environments` order ("not set" or "not registered" when absent).
    public var values: [String]
    /// The environments do not all have the same value.
    public var differs: Bool
}

extension ComponentView {
    /// Whether the model states anything about the component (a pipeline, or one known fact).
    var saysSomething: Bool { hasPipeline || facts.contains(where: \.isKnown) }

    /// The component with its stated facts apart from the aspects the model leaves out.
    func splittingFacts() -> ComponentView {
        var view = self
        view.knownFacts = facts.filter(\.isKnown)
        view.hasKnownFacts = !view.knownFacts.isEmpty
        let missing = facts.filter { !$0.isKnown }.map(\.label)
        view.missingAspects = missing.isEmpty ? nil : missing.joined(separator: ", ")
        return view
    }
}
