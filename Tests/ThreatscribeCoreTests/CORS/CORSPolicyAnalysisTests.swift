import Testing
import ThreatscribeCore

@Suite("CORS policy analysis")
struct CORSPolicyAnalysisTests {
    static let seed003Origins = [
        "http://localhost:3000", "http://localhost:5173", "http://127.0.0.1:3000",
        "http://127.0.0.1:5173", "http://0.0.0.0:3000", "http://0.0.0.0:5173",
    ]

    @Test("seed 003: six dev origins, credentials, explicit methods, headers *")
    func seed003() throws {
        let c = CORSConfiguration(
            allowOrigins: Self.seed003Origins, allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
            allowHeaders: ["*"], allowCredentials: true)
        let a = CORSPolicyAnalysis(configuration: c, environment: "development", isProduction: false)
        let unspecified = a.issues(ofKind: .unspecifiedAddressOrigin)
        #expect(unspecified.map(\.subject) == ["http://0.0.0.0:3000", "http://0.0.0.0:5173"])
        let first = try #require(unspecified.first)
        #expect(first.summary.contains("one literal origin"))
        #expect(first.evidence.first?.response.allowOrigin == "http://0.0.0.0:3000")
        #expect(first.evidence.last?.request.origin == "http://192.168.1.20:3000")
        #expect(first.evidence.last?.response.allowOrigin == nil)
        #expect(a.issues(ofKind: .loopbackOrigin).count == 4)
        #expect(a.issues(ofKind: .wildcardHeaders).first?.evidence.first?.response.allowHeaders == "authorization,x-anything")
        let broad = try #require(a.issues(ofKind: .credentialsWithBroadOrigins).first)
        #expect(broad.evidence.count == 6 && broad.evidence.allSatisfy { $0.response.allowCredentials == "true" })
        #expect(a.issues(ofKind: .wildcardOrigin).isEmpty && a.issues(ofKind: .wildcardMethods).isEmpty)
        #expect(a.issues(ofKind: .missingVary).isEmpty)
        let old = CORSPolicyAnalysis(configuration: c, version: StarletteVersion(1, 6, 0), environment: "development", isProduction: false)
        #expect(old.issues(ofKind: .missingVary).count == 1)
    }

    @Test("seed 004: methods and headers * with credentials")
    func seed004() throws {
        let c = CORSConfiguration(allowOrigins: ["https://betzenstein.app"], allowMethods: ["*"], allowHeaders: ["*"], allowCredentials: true)
        let a = CORSPolicyAnalysis(configuration: c, environment: "production", isProduction: true)
        let methods = try #require(a.issues(ofKind: .wildcardMethods).first)
        #expect(methods.summary.contains("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, QUERY"))
        #expect(methods.evidence.first?.response.allowMethods == "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, QUERY")
        let old = CORSPolicyAnalysis(configuration: c, version: .newestZeroX, environment: "production", isProduction: true)
        #expect(old.issues(ofKind: .wildcardMethods).first?.summary.contains("QUERY") == false)
        let headers = try #require(a.issues(ofKind: .wildcardHeaders).first)
        #expect(headers.evidence.first?.response.allowCredentials == "true")
        #expect(headers.evidence.first?.response.allowHeaders?.contains("authorization") == true)
        #expect(a.issues(ofKind: .credentialsWithBroadOrigins).isEmpty)
        let dev = CORSPolicyAnalysis(configuration: CORSConfiguration(allowOrigins: ["http://localhost:3000"], allowMethods: ["*"], allowHeaders: ["*"], allowCredentials: true), environment: "dev", isProduction: false)
        #expect(dev.issues(ofKind: .loopbackOrigin).count == 1 && dev.issues(ofKind: .credentialsWithBroadOrigins).count == 1)
    }

    @Test("seed 000: allow_origins [\"*\"]")
    func seed000() throws {
        let a = CORSPolicyAnalysis(configuration: CORSConfiguration(allowOrigins: ["*"]), environment: "production", isProduction: true)
        let issue = try #require(a.issues(ofKind: .wildcardOrigin).first)
        #expect(issue.evidence.first?.response.allowOrigin == "*")
        let withCreds = CORSPolicyAnalysis(configuration: CORSConfiguration(allowOrigins: ["*"], allowCredentials: true), environment: "production", isProduction: true)
        let reflected = try #require(withCreds.issues(ofKind: .wildcardOriginWithCredentials).first)
        #expect(reflected.evidence.map { $0.response.allowOrigin } == [CORSPolicyAnalysis.attackerOrigin, "null"])
        let zero = CORSPolicyAnalysis(configuration: CORSConfiguration(allowOrigins: ["*"], allowCredentials: true), version: .newestZeroX, environment: "production", isProduction: true)
        let zeroIssue = try #require(zero.issues(ofKind: .wildcardOriginWithCredentials).first)
        #expect(zeroIssue.summary.contains("Cookie"))
        #expect(zeroIssue.evidence.map { $0.response.allowOrigin } == [CORSPolicyAnalysis.attackerOrigin, "*"])
    }

    @Test("entries that can never match", arguments: [
        ("https://app.example.com/", CORSOriginEntry.UnmatchableReason.trailingSlash),
        ("https://App.Example.com", .upperCase),
        ("https://app.example.com/api", .path),
        ("https://*.example.com", .glob),
        ("http://localhost:*", .glob),
        ("app.example.com", .missingScheme),
        ("https://app.example.com:443", .defaultPort),
    ])
    func unmatchable(entry: String, reason: CORSOriginEntry.UnmatchableReason) throws {
        let a = CORSPolicyAnalysis(configuration: CORSConfiguration(allowOrigins: [entry]), environment: "prod", isProduction: true)
        let issue = try #require(a.issues(ofKind: .unmatchableOrigin).first)
        #expect(issue.unmatchableReason == reason)
        #expect(issue.evidence.allSatisfy { $0.response.allowOrigin == nil })
    }

    @Test func originKinds() {
        let c = CORSConfiguration(allowOrigins: ["null", "http://api.example.com", "http://192.168.1.5:8080", "http://printer.local", "capacitor://localhost", "http://169.254.1.1"])
        let a = CORSPolicyAnalysis(configuration: c, environment: "prod", isProduction: true)
        #expect(a.issues(ofKind: .nullOriginAllowed).first?.evidence.first?.response.allowOrigin == "null")
        #expect(a.issues(ofKind: .cleartextOrigin).map(\.subject) == ["http://api.example.com"])
        #expect(a.issues(ofKind: .privateNetworkOrigin).map(\.subject) == ["http://192.168.1.5:8080", "http://printer.local", "http://169.254.1.1"])
        #expect(a.issues(ofKind: .customSchemeOrigin).map(\.subject) == ["capacitor://localhost"])
        #expect(a.issues(ofKind: .privateNetworkOrigin).first?.summary.contains("production environment 'prod'") == true)
    }

    @Test func sloppyRegexIssueCarriesVerifiedEvidence() throws {
        let a = CORSPolicyAnalysis(configuration: CORSConfiguration(allowCredentials: true, allowOriginRegex: #"https://.*.example.com"#), environment: "prod", isProduction: true)
        let issue = try #require(a.issues(ofKind: .sloppyOriginRegex).first)
        let origin = try #require(issue.regexFinding?.attackerOrigin)
        #expect(issue.evidence.first?.response.allowOrigin == origin)
        #expect(issue.evidence.first?.response.allowCredentials == "true")
        #expect(a.issues(ofKind: .credentialsWithBroadOrigins).count == 1)
    }

    @Test func invalidConfigurationIsReported() {
        let a = CORSPolicyAnalysis(configuration: CORSConfiguration(allowPrivateNetwork: false), version: StarletteVersion(0, 50, 0), environment: "prod", isProduction: true)
        #expect(a.issues.map(\.kind) == [.invalidConfiguration])
        let b = CORSPolicyAnalysis(configuration: CORSConfiguration(allowOriginRegex: "(?i)https://x"), environment: "prod", isProduction: true)
        #expect(b.issues.first?.subject == "allow_origin_regex")
    }
}
