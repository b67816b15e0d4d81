/// The security implications of one component the model has.
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
    public var findings: [FindingLinkView]
    public var hasFindings: Bool
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
    /// Where environments set it differently: each group of environments with its settings.
    public var byEnvironment: [EnvironmentValueView] = []
    public var hasByEnvironment = false
}
