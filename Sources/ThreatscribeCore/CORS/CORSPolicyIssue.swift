/// A request and Starlette's answer to it (from ``CORSEvaluator``), demonstrating an issue.
public struct CORSEvidence: Hashable, Sendable {
    /// The demonstrating request.
    public let request: CORSRequest
    /// The evaluator's response.
    public let response: CORSResponse

    /// Creates evidence.
    public init(request: CORSRequest, response: CORSResponse) {
        self.request = request
        self.response = response
    }
}

/// One fact about a CORS configuration worth a threat-model entry. Severity is decided elsewhere.
public struct CORSPolicyIssue: Hashable, Sendable {
    /// The kind of issue; the raw value is a stable identifier.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case invalidConfiguration = "invalid-configuration"
        case wildcardOrigin = "wildcard-origin"
        case wildcardOriginWithCredentials = "wildcard-origin-with-credentials"
        case nullOriginAllowed = "null-origin-allowed"
        case cleartextOrigin = "cleartext-origin"
        case loopbackOrigin = "loopback-origin"
        case unspecifiedAddressOrigin = "unspecified-address-origin"
        case privateNetworkOrigin = "private-network-origin"
        case customSchemeOrigin = "custom-scheme-origin"
        case unmatchableOrigin = "unmatchable-origin"
        case sloppyOriginRegex = "sloppy-origin-regex"
        case backtrackingOriginRegex = "backtracking-origin-regex"
        case wildcardHeaders = "wildcard-headers"
        case wildcardMethods = "wildcard-methods"
        case credentialsWithBroadOrigins = "credentials-with-broad-origins"
        case missingVary = "missing-vary"
        case privateNetworkAccess = "private-network-access"
    }

    /// What kind of issue.
    public let kind: Kind
    /// The origin, entry, regex or kwarg concerned.
    public let subject: String
    /// What this means for the analysed Starlette version, in one or two sentences.
    public let summary: String
    /// For ``Kind/unmatchableOrigin``: why the entry never matches.
    public let unmatchableReason: CORSOriginEntry.UnmatchableReason?
    /// For ``Kind/sloppyOriginRegex``: the verified attacker origin.
    public let regexFinding: SloppyOriginRegexFinding?
    /// For ``Kind/backtrackingOriginRegex``: the runaway probe.
    public let backtracking: OriginRegexBacktracking?
    /// Requests and responses that demonstrate the issue.
    public let evidence: [CORSEvidence]

    /// Creates an issue.
    public init(
        kind: Kind, subject: String, summary: String,
        unmatchableReason: CORSOriginEntry.UnmatchableReason? = nil,
        regexFinding: SloppyOriginRegexFinding? = nil, backtracking: OriginRegexBacktracking? = nil,
        evidence: [CORSEvidence] = []
    ) {
        self.backtracking = backtracking
        self.kind = kind
        self.subject = subject
        self.summary = summary
        self.unmatchableReason = unmatchableReason
        self.regexFinding = regexFinding
        self.evidence = evidence
    }
}
