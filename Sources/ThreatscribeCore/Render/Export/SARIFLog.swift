/// The subset of SARIF 2.1.0 that threatscribe writes, as `Encodable` values.
///
/// Property names are SARIF's; optional values that are `nil` are left out of the file.
struct SARIFLog: Encodable {
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    struct Run: Encodable {
        var tool: Tool
        var artifacts: [Artifact]
        var results: [Result]
        var columnKind = "unicodeCodePoints"
        var originalUriBaseIds: [String: ArtifactLocation]?
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String?
        var informationUri: String?
        var rules: [Rule]
    }

    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var helpUri: String?
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct RuleProperties: Encodable {
        var tags: [String]
        var securitySeverity: String
        var precision: String
        var problemSeverity: String

        enum CodingKeys: String, CodingKey {
            case tags, securitySeverity = "security-severity", precision, problemSeverity = "problem.severity"
        }
    }

    struct Message: Encodable {
        var text: String
        var markdown: String?
    }

    struct Artifact: Encodable {
        var location: ArtifactLocation
        var roles: [String]?
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
        var endLine: Int?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct LogicalLocation: Encodable {
        var fullyQualifiedName: String
        var kind = "member"
    }

    struct Location: Encodable {
        var id: Int?
        var physicalLocation: PhysicalLocation
        var logicalLocations: [LogicalLocation]?
        var message: Message?
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [Location]?
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?
        var properties: ResultProperties
    }

    /// A decision recorded outside the code (the tracking file) that the result needs no action.
    struct Suppression: Encodable {
        var kind = "external"
        var status = "accepted"
        var justification: String?
    }

    struct ResultProperties: Encodable {
        var findingId: String
        var severity: String
        var environments: [String]
        var trackingStatus: String
        var trackingExpired: Bool?
        var residualRisk: String
    }
}
