import Testing
@testable import ThreatscribeCore

/// The control review judges a claim on what it says: its kind, its subject (`covers`), its
/// environments and whether it claims the control is in place; it cites only findings about that.
struct ControlReviewerTests {
    static func review(_ text: String) throws -> [ControlReview] {
        let model = try ModelLoader.load(text: text, file: "controls.yaml")
        let analysis = ThreatAnalysis(catalog: CatalogSampleTests.catalog)
        return try analysis.run(on: model, options: .init(generatedAt: "2026-01-01", toolVersion: "test")).controlReviews
    }

    /// A TLS claim about the ingress is not contradicted by a database connection without TLS.
    @Test func claimIsJudgedOnlyByFindingsAboutItsSubject() throws {
        let reviews = try Self.review("""
            system: {name: S}
            deployment:
              public_url: https://api.example.com
              ingress: {tls: true}
            data_stores:
              - {id: db, type: postgresql, tls: false, holds_sensitive_data: true}
            controls:
              - {id: C1, name: TLS at the edge, kind: tls, covers: [deployment.ingress], claim: The ingress terminates TLS.}
              - {id: C2, name: TLS everywhere, kind: tls, claim: Every connection is encrypted.}
            """)
        let edge = try #require(reviews.first { $0.control.hasPrefix("C1") })
        #expect(edge.verdict == .supported, "\(edge.reason)")
        #expect(edge.relatedFindings.isEmpty)
        let everywhere = try #require(reviews.first { $0.control.hasPrefix("C2") })
        #expect(everywhere.verdict == .contradicted)
        #expect(everywhere.relatedFindings.contains { $0.hasPrefix("TS-FLOW-002@data_stores[0]") })
    }

    /// A lockout claim is supported where the model shows the lockout (the spraying finding is about the
    /// missing rate limit, not the lockout), and contradicted by brute force where the accounts do not lock.
    @Test func lockoutClaimReadsTheModelsLockout() throws {
        func model(lockout: String) -> String {
            """
            system: {name: S}
            middleware: []
            auth:
              - {id: jwt, type: oauth2_jwt\(lockout)}
            routers:
              - prefix: /auth
                endpoints:
                  - {path: /token, methods: [POST], auth: none, purpose: login}
            controls:
              - {id: L1, name: Lockout, kind: account_lockout, claim: Accounts lock after five failed sign-ins.}
            """
        }
        let locked = try #require(try Self.review(model(lockout: ", lockout_after_failures: 5")).first)
        #expect(locked.verdict == .supported, "\(locked.reason)")
        let unlocked = try #require(try Self.review(model(lockout: "")).first)
        #expect(unlocked.verdict == .contradicted, "\(unlocked.reason)")
        #expect(unlocked.relatedFindings.contains { $0.hasPrefix("TS-AUTH-011@") })
    }

    /// `code_review: none` and `dependency_scanning: none` do not show the control they name.
    @Test func noneDoesNotShowAControl() throws {
        let reviews = try Self.review("""
            system: {name: S}
            build: {code_review: none, dependency_scanning: none}
            controls:
              - {id: R1, name: Review, kind: code_review, status: not_implemented}
              - {id: D1, name: Scanning, kind: dependency_scanning, status: not_implemented}
            """)
        for review in reviews { #expect(review.verdict == .supported, "\(review.control): \(review.reason)") }
    }

    /// A production claim is not contradicted by a finding that holds only in another environment.
    @Test func claimIsJudgedInItsEnvironments() throws {
        let model = """
            system: {name: S}
            app: {debug: false}
            controls:
              - {id: E1, name: Generic errors, kind: error_handling, environments: [production], claim: No tracebacks reach clients.}
              - {id: E2, name: Generic errors everywhere, kind: error_handling, environments: [staging, production]}
            environments:
              - name: staging
                kind: staging
                overrides:
                  app: {debug: true}
              - name: production
                kind: production
            """
        let reviews = try Self.review(model)
        let production = try #require(reviews.first { $0.control.hasPrefix("E1") })
        #expect(production.verdict != .contradicted, "\(production.reason)")
        #expect(production.relatedFindings.allSatisfy { !$0.contains("TS-ERR-001") })
        let everywhere = try #require(reviews.first { $0.control.hasPrefix("E2") })
        #expect(everywhere.verdict == .contradicted)
    }

    /// "Not implemented" is confirmed by the findings that show the gap, never contradicted by them.
    @Test func negativeClaimIsConfirmedByFindings() throws {
        let reviews = try Self.review("""
            system: {name: S}
            middleware: []
            routers:
              - prefix: ""
                endpoints:
                  - {path: /login, methods: [POST], auth: none, purpose: login}
            controls:
              - {id: R1, name: Rate limiting, kind: rate_limiting, status: not_implemented, claim: Not implemented yet.}
            """)
        let review = try #require(reviews.first)
        #expect(review.verdict == .supported, "\(review.reason)")
        #expect(review.relatedFindings.contains { $0.hasPrefix("TS-AUTH-011") })
    }

    /// A negative claim the model disproves is contradicted, citing the model rather than findings.
    @Test func negativeClaimContradictedByTheModel() throws {
        let reviews = try Self.review("""
            system: {name: S}
            middleware:
              - {type: rate_limit, library: slowapi, default_limit: 10/minute}
            controls:
              - {id: R1, name: Rate limiting, kind: rate_limiting, status: not_implemented}
            """)
        #expect(reviews.first?.verdict == .contradicted)
        #expect(reviews.first?.relatedFindings.isEmpty == true)
    }

    @Test func unknownKindEnvironmentAndPathAreLoadErrors() {
        let text = """
            system: {name: S}
            controls:
              - {name: A, kind: rate_limitng}
              - {name: B, kind: tls, environments: [prod]}
              - {name: C, kind: tls, covers: [deployment.ingres]}
            environments:
              - {name: production, kind: production}
            """
        do {
            _ = try ModelLoader.load(text: text, file: "controls.yaml")
            Issue.record("the model loaded")
        } catch {
            let message = "\(error)"
            #expect(message.contains("controls.yaml:3:"), "\(message)")
            #expect(message.contains("did you mean `rate_limiting`?"), "\(message)")
            #expect(message.contains("unknown environment `prod`; did you mean `production`?"), "\(message)")
            #expect(message.contains("`controls[2].covers[0]` names `deployment.ingres`"), "\(message)")
        }
    }
}
