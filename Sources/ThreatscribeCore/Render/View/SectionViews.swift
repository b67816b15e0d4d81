/// Data flows and trust boundaries.
public struct FlowSectionView: Sendable, Equatable {
    public var flows: [FlowView]
    public var hasFlows: Bool
    /// Whether a flow states its data or a description: the diagram shows the rest (ends, protocol, TLS),
    /// so the table is shown only then.
    public var hasFlowDetails: Bool
    public var boundaries: [BoundaryView]
    public var hasBoundaries: Bool
    /// "Not assessed: …" when the model has no data flows.
    public var flowsNotAssessed: String?
    public var boundariesNotAssessed: String?
}

public struct FlowView: Sendable, Equatable {
    public var from: String
    public var to: String
    public var protocolName: String
    /// "yes", "no" or "not stated".
    public var tls: String
    public var isUnencrypted: Bool
    public var data: String
    public var description: String
}

public struct BoundaryView: Sendable, Equatable {
    public var name: String
    public var members: String
}

/// Server, deployment, build and dependencies: one component each, with what the model says.
public struct OperationsView: Sendable, Equatable {
    public var parts: [ComponentView]
}

/// The review of each claimed control.
public struct ControlSectionView: Sendable, Equatable {
    public var reviews: [ControlReviewView]
    public var hasReviews: Bool
    public var supportedCount: Int
    public var contradictedCount: Int
    public var unverifiableCount: Int
}

public struct ControlReviewView: Sendable, Equatable {
    public var control: String
    public var claim: String?
    /// "Supported", "Contradicted", "Unverifiable".
    public var verdict: String
    public var verdictClass: String
    public var reason: Prose
    public var related: [FindingLinkView]
    public var hasRelated: Bool
}
