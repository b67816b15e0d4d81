import Testing
import ThreatscribeCore

@Suite("CORS browser verdict (Fetch rules)")
struct CORSBrowserVerdictTests {
    static let page = "https://app.example.com"

    func verdict(_ c: CORSConfiguration, _ f: BrowserFetch, _ v: StarletteVersion = .newestKnown) throws -> CORSBrowserVerdict {
        CORSBrowserVerdict(fetch: f, evaluator: try CORSEvaluator(configuration: c, version: v))
    }

    @Test func simpleRequestsNeedNoPreflight() {
        #expect(!BrowserFetch(pageOrigin: Self.page, method: "POST", headers: ["Content-Type": "text/plain; charset=utf-8"]).needsPreflight)
        #expect(BrowserFetch(pageOrigin: Self.page, method: "POST", headers: ["Content-Type": "application/json"]).needsPreflight)
        #expect(BrowserFetch(pageOrigin: Self.page, method: "PUT").needsPreflight)
        #expect(BrowserFetch(pageOrigin: Self.page, headers: ["X-API-Key": "k"]).unsafeHeaderNames == ["x-api-key"])
    }

    @Test func wildcardReadableOnlyWithoutCredentials() throws {
        let v = try verdict(CORSConfiguration(allowOrigins: ["*"]), BrowserFetch(pageOrigin: Self.page))
        #expect(v.canRead && !v.canReadWithCredentials)
        #expect(v.withCredentials.isRequestSent && v.withCredentials.response?.handlerRuns == true)
    }

    @Test func wildcardWithCredentialsIsReadableWithCredentialsIn1x() throws {
        let c = CORSConfiguration(allowOrigins: ["*"], allowCredentials: true)
        let v1 = try verdict(c, BrowserFetch(pageOrigin: Self.page, credentials: .include))
        #expect(v1.canRead && v1.canReadWithCredentials)
        // 0.x: readable with a cookie (origin reflected); a credentialed request without one gets
        // ACAO * + ACAC true, which the browser refuses.
        let v0 = try verdict(c, BrowserFetch(pageOrigin: Self.page), .newestZeroX)
        #expect(v0.canRead && v0.canReadWithCredentials)
        let noCookie = CORSBrowserVerdict(
            fetch: BrowserFetch(pageOrigin: Self.page, credentials: .include),
            evaluator: try CORSEvaluator(configuration: c, version: .newestZeroX), browserHasCookie: false)
        #expect(!noCookie.canReadWithCredentials && noCookie.withCredentials.reason.contains("*"))
    }

    @Test func authorizationIsNeverCoveredByStar() {
        // A literal `*` ACAH (not what Starlette sends, which mirrors) must not cover Authorization.
        let pre = CORSResponse(status: 200, body: "OK", headers: ["access-control-allow-origin": "*", "access-control-allow-headers": "*", "access-control-allow-methods": "GET"], handlerRuns: false, isPreflightResponse: true)
        #expect(pre.allowHeaders == "*")
    }

    @Test func explicitHeadersRefuseOthers() throws {
        let c = CORSConfiguration(allowOrigins: [Self.page], allowMethods: ["GET", "PUT"], allowHeaders: ["X-Custom"], allowCredentials: true)
        let v = try verdict(c, BrowserFetch(pageOrigin: Self.page, method: "PUT", headers: ["X-Custom": "1", "Authorization": "Bearer t"], credentials: .include))
        #expect(v.needsPreflight && v.preflightResponse?.status == 400 && !v.isPreflightOK)
        #expect(v.withCredentials.refusedHeaders == ["authorization"] || v.withCredentials.preflightPasses == false)
        #expect(!v.withCredentials.isRequestSent && !v.canReadWithCredentials)
        let ok = try verdict(c, BrowserFetch(pageOrigin: Self.page, method: "PUT", headers: ["X-Custom": "1"], credentials: .include))
        #expect(ok.isPreflightOK && ok.canReadWithCredentials && ok.withCredentials.refusedHeaders.isEmpty)
    }

    @Test func disallowedMethodFailsPreflight() throws {
        let v = try verdict(CORSConfiguration(allowOrigins: [Self.page], allowMethods: ["GET"]), BrowserFetch(pageOrigin: Self.page, method: "DELETE"))
        #expect(!v.isPreflightOK && !v.withoutCredentials.isRequestSent)
        #expect(v.withoutCredentials.reason.contains("400"))
    }

    @Test func simplePostFromDisallowedOriginStillRunsHandler() throws {
        let v = try verdict(CORSConfiguration(allowOrigins: ["https://other.example"]), BrowserFetch(pageOrigin: Self.page, method: "POST", headers: ["Content-Type": "application/x-www-form-urlencoded"], credentials: .include))
        #expect(!v.needsPreflight && !v.canReadWithCredentials)
        #expect(v.withCredentials.response?.handlerRuns == true)
    }
}
