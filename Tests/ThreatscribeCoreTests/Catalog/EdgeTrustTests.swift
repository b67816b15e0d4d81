import Testing
@testable import ThreatscribeCore

/// Trust at the edge: headers the ingress adds, and client addresses a client can choose.
struct EdgeTrustTests {
    /// Headers the ingress adds count as sent and are cited from the ingress; the app's value wins where both set one.
    @Test func ingressResponseHeadersCountAsSent() throws {
        let model = """
        system: {name: Sample API}
        middleware:
          - type: security_headers
            headers: {Referrer-Policy: strict-origin-when-cross-origin}
        deployment:
          ingress:
            response_headers: {Referrer-Policy: unsafe-url, X-Content-Type-Options: nosniff}
        environments:
          - {name: production, kind: production, base_url: "https://api.example.com"}
        """
        let loaded = try ModelLoader.load(text: model, file: "model.yaml")
        let analysis = ThreatAnalysis(catalog: CapabilityFindingsTests.catalog)
        let headers = try #require(analysis.subjects(in: loaded.environments[0], of: loaded).first { $0.scope == "headers" })
        #expect(headers["has_nosniff"] == .bool(true))
        #expect(headers.valuePaths["has_nosniff"] == ModelPath("deployment.ingress.response_headers"))
        #expect(headers["referrer_policy"] == .string("strict-origin-when-cross-origin"))
        #expect(headers.valuePaths["referrer_policy"] == ModelPath("middleware[0].headers"))
        let ids = try CapabilityFindingsTests.findings(model).map(\.threatID)
        #expect(!ids.contains("TS-HDR-008") && !ids.contains("TS-HDR-009"))
    }

    @Test(arguments: [
        (ClientIPHeader.xForwardedFor, ClientIPReader.appCode, ForwardedEntry?.none, true),
        (.xForwardedFor, .appCode, .rightmost, false),
        (.trueClientIp, .appCode, .rightmost, true),
        (.xForwardedFor, .uvicornProxyHeaders, .leftmost, true),
        (.xForwardedFor, .uvicornProxyHeaders, .rightmost, false),
    ])
    func spoofability(header: ClientIPHeader, reader: ClientIPReader, entry: ForwardedEntry?, spoofable: Bool) {
        let effective = reader == .appCode ? (entry ?? .leftmost) : entry
        #expect((ClientIPAnalyzer.spoofReason(headers: [header], readBy: reader, entry: effective) != nil) == spoofable)
    }
}
