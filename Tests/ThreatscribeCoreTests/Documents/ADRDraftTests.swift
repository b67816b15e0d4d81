import Foundation
import Testing
@testable import ThreatscribeCore

/// The ADR draft states what the model shows, including what speaks against the decision.
struct ADRDraftTests {
    static func markdown(_ yaml: String, decision: ADRDecision = .corsPolicy, style: ADRStyle = .madr) throws -> String {
        let report = try ComplianceMatrixTests.report(yaml)
        return try #require(try ADRDocument(decision: decision, style: style).render(report).first { $0.name.hasSuffix(".md") }).contents
    }

    static func sample(_ name: String, decision: ADRDecision = .corsPolicy, style: ADRStyle = .madr) throws -> String {
        let report = try SampleReportTests.report(for: name)
        return try #require(try ADRDocument(decision: decision, style: style).render(report).first { $0.name.hasSuffix(".md") }).contents
    }

    @Test func madrHasEverySectionInOrderAndNygardItsFive() throws {
        let madr = try Self.sample("betzenstein-booking.yaml")
        let headings = ["## Context and Problem Statement", "## Decision Drivers", "## Considered Options", "## Decision Outcome",
                        "### Consequences", "### Confirmation", "## Pros and Cons of the Options", "## More Information"]
        let positions = headings.map { madr.range(of: "\n" + $0 + "\n")?.lowerBound }
        #expect(!positions.contains(nil), "\(zip(headings, positions).filter { $0.1 == nil }.map(\.0))")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(madr.hasPrefix("---\nstatus: \"proposed\"\ndate: \"2026-01-15\"\ndecision-makers: [\"Solution Architect\"]\nconsulted: []\ninformed: []\n---\n"))
        let nygard = try Self.sample("betzenstein-booking.yaml", style: .nygard)
        for heading in ["## Status\n\nproposed", "## Context", "## Decision\n\nWe will ", "## Consequences"] {
            #expect(nygard.contains(heading), "\(heading)")
        }
    }

    @Test func betzensteinDraftDoesNotRubberStampTheSeed() throws {
        let text = try Self.sample("betzenstein-booking.yaml")
        #expect(text.contains("CWE-598"), "tokens in URL query strings")
        #expect(text.contains("Bad, because `allow_credentials=True`"), "credentials without cookies")
        #expect(text.contains("are the same site (`betzenstein.app`)"), "SameSite will not separate front end and API")
        #expect(text.contains("`PUT` is approved for no client"), "the real method list of allow_methods=[\"*\"]")
        #expect(text.contains("CORS is not CSRF protection"))
        // The seed's wrong expectation: a preflight answered with `Access-Control-Allow-Headers: *`.
        #expect(!text.lowercased().contains("access-control-allow-headers: *"))
        #expect(text.contains("access-control-allow-headers: content-type"))
        #expect(text.contains("contradicted by the model"), "the ADR-011 claim of the model")
    }

    @Test func aClaimThatCORSPreventsCSRFIsCorrected() throws {
        let text = try Self.markdown("""
            system: {name: S}
            middleware:
              - {type: cors, allow_origins: ["https://app.example.com"], allow_credentials: true}
            controls:
              - {id: C1, name: CORS, kind: cors, claim: CORS prevents CSRF from untrusted sites.}
            environments:
              - {name: production, kind: production, base_url: "https://api.example.com"}
            """)
        #expect(text.contains("`controls[0]` (CORS) claims “CORS prevents CSRF from untrusted sites.”. Corrected: CORS does not prevent CSRF."))
    }

    @Test func aRegexOverAPublicSuffixTrustsEveryTenant() throws {
        let text = try Self.markdown(#"""
            system: {name: S}
            middleware:
              - {type: cors, allow_origin_regex: 'https://.*\.vercel\.app', allow_credentials: true}
            environments:
              - {name: production, kind: production, base_url: "https://api.example.com"}
            """#)
        #expect(text.contains("admits `https://attacker-tenant.vercel.app`: `vercel.app` is a public suffix"))
        let exact = try Self.markdown("""
            system: {name: S}
            middleware:
              - {type: cors, allow_origins: ["https://mine.vercel.app"]}
            environments:
              - {name: production, kind: production, base_url: "https://api.example.com"}
            """)
        #expect(!exact.contains("public suffix"), "an exact origin on vercel.app trusts one tenant only")
    }

    @Test func withoutCORSMiddlewareTheDraftSaysSoAndInventsNothing() throws {
        let text = try Self.markdown("""
            system: {name: S}
            middleware:
              - {type: gzip}
            clients:
              - {id: web, type: browser_spa, origin: "https://app.example.com"}
            environments:
              - {name: production, kind: production, base_url: "https://api.example.com"}
            """)
        #expect(text.contains("The model registers no CORSMiddleware in any environment."))
        #expect(text.contains("the browser clients at `https://app.example.com` are on another origin than `https://api.example.com`"))
        #expect(!text.contains("curl "), "no exchange for a middleware that does not exist")
        #expect(!text.contains("add_middleware"))
        let silent = try Self.markdown("system: {name: S}\n")
        #expect(silent.contains("The model does not list the app's middleware"))
    }

    @Test func withoutProductionTheDraftSaysSo() throws {
        for decision in ADRDecision.allCases {
            let text = try Self.markdown("""
                system: {name: S}
                middleware:
                  - {type: cors, allow_origins: ["http://localhost:3000"]}
                environments:
                  - {name: dev, kind: development, base_url: "http://localhost:8000"}
                """, decision: decision)
            #expect(text.contains("The model has no production environment"), "\(decision)")
        }
    }

    @Test func frontMatterValuesCannotEndTheFrontMatter() throws {
        let text = try Self.markdown("system: {name: S, owner: \"a\\\"\\n---\\nstatus: accepted\"}\n")
        #expect(text.contains(#"decision-makers: ["a\"\n---\nstatus: accepted"]"#))
        #expect(!text.split(separator: "\n").contains("status: accepted"), "a model value may not become a front-matter line")
        #expect(YAMLEscaping.doubleQuoted("\u{1B}\u{2028}\\") == #""\u001B\u2028\\""#)
    }
}
