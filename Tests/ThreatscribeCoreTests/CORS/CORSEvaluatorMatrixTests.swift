import Testing
import ThreatscribeCore

/// The condensed matrix of framework-facts.md §1 (1.10.0) and its 0.52.1 deltas.
@Suite("CORS evaluator: fact-sheet matrix")
struct CORSEvaluatorMatrixTests {
    static let good = "https://good.example.com"
    static let evil = "https://evil.com"
    static let safe4 = "Accept, Accept-Language, Content-Language, Content-Type"
    static let pf4 = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network"
    static let v1 = StarletteVersion.newestKnown
    static let v0 = StarletteVersion.newestZeroX

    func respond(_ c: CORSConfiguration, _ r: CORSRequest, _ v: StarletteVersion = v1) throws -> CORSResponse {
        try CORSEvaluator(configuration: c, version: v).response(to: r)
    }

    @Test func defaultsLetHandlerRunWithoutACAO() throws {
        let r = try respond(CORSConfiguration(), CORSRequest(method: "GET", origin: Self.evil))
        #expect(r.status == 200 && r.handlerRuns && r.headers == ["vary": "Origin"])
        let r0 = try respond(CORSConfiguration(), CORSRequest(method: "GET", origin: Self.evil), Self.v0)
        #expect(r0.headers.isEmpty)
    }

    @Test func defaultsRejectPreflightOfGoodOrigin() throws {
        let r = try respond(CORSConfiguration(), .preflight(origin: Self.good, method: "GET"))
        #expect(r.status == 400 && r.body == "Disallowed CORS origin" && !r.handlerRuns)
        #expect(r.headers == ["access-control-allow-methods": "GET", "access-control-allow-headers": Self.safe4,
                              "access-control-max-age": "600", "vary": Self.pf4])
    }

    @Test func wildcardWithoutCredentials() throws {
        let c = CORSConfiguration(allowOrigins: ["*"])
        for cookie in [false, true] {
            let r = try respond(c, CORSRequest(method: "GET", origin: Self.evil, hasCookie: cookie))
            #expect(r.headers == ["access-control-allow-origin": "*", "vary": "Origin"])
        }
        // 0.x reflects on a Cookie, without ACAC.
        let r0 = try respond(c, CORSRequest(method: "GET", origin: Self.evil, hasCookie: true), Self.v0)
        #expect(r0.headers == ["access-control-allow-origin": Self.evil, "vary": "Origin"])
    }

    @Test func wildcardWithCredentialsByVersion() throws {
        let c = CORSConfiguration(allowOrigins: ["*"], allowCredentials: true)
        let r = try respond(c, CORSRequest(method: "GET", origin: Self.evil))
        #expect(r.headers == ["access-control-allow-origin": Self.evil, "access-control-allow-credentials": "true", "vary": "Origin"])
        let null = try respond(c, CORSRequest(method: "GET", origin: "null", hasCookie: true))
        #expect(null.allowOrigin == "null" && null.allowCredentials == "true")
        let noCookie0 = try respond(c, CORSRequest(method: "GET", origin: Self.evil), Self.v0)
        #expect(noCookie0.headers == ["access-control-allow-origin": "*", "access-control-allow-credentials": "true"])
        let cookie0 = try respond(c, CORSRequest(method: "GET", origin: Self.evil, hasCookie: true), Self.v0)
        #expect(cookie0.headers == ["access-control-allow-origin": Self.evil, "access-control-allow-credentials": "true", "vary": "Origin"])
    }

    @Test func explicitListRunsHandlerForEvilAndSendsACACEverywhere() throws {
        for method in ["GET", "POST"] {
            let r = try respond(CORSConfiguration(allowOrigins: [Self.good]), CORSRequest(method: method, origin: Self.evil, hasCookie: true))
            #expect(r.status == 200 && r.handlerRuns && r.allowOrigin == nil)
        }
        let r = try respond(CORSConfiguration(allowOrigins: [Self.good], allowCredentials: true), CORSRequest(method: "GET", origin: Self.evil))
        #expect(r.headers == ["access-control-allow-credentials": "true", "vary": "Origin"])
    }

    @Test func sloppyAndEscapedRegex() throws {
        let sloppy = try respond(CORSConfiguration(allowOriginRegex: #"https://.*.example.com"#), CORSRequest(method: "GET", origin: "https://evilexample.com"))
        #expect(sloppy.allowOrigin == "https://evilexample.com")
        let suffix = try respond(CORSConfiguration(allowOriginRegex: #"https://.*.example.com"#), CORSRequest(method: "GET", origin: "https://evil.example.com.attacker.net"))
        #expect(suffix.allowOrigin == nil)
        let old = try respond(CORSConfiguration(allowOriginRegex: #"https://.*.example.com"#), CORSRequest(method: "GET", origin: "https://evil.example.com.attacker.net"), StarletteVersion(0, 13, 0))
        #expect(old.allowOrigin == "https://evil.example.com.attacker.net")
        let escaped = try respond(CORSConfiguration(allowOriginRegex: #"https://.*\.example\.com"#), CORSRequest(method: "GET", origin: "https://evilexample.com"))
        #expect(escaped.allowOrigin == nil)
    }

    @Test func nullListedWithCredentials() throws {
        let r = try respond(CORSConfiguration(allowOrigins: ["null"], allowCredentials: true), CORSRequest(method: "GET", origin: "null", hasCookie: true))
        #expect(r.allowOrigin == "null" && r.allowCredentials == "true")
    }

    @Test func wildcardMethodsExpandByVersion() throws {
        let c = CORSConfiguration(allowOrigins: [Self.good], allowMethods: ["*"])
        let r = try respond(c, .preflight(origin: Self.good, method: "DELETE"))
        #expect(r.status == 200 && r.allowMethods == "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, QUERY" && r.allowHeaders == Self.safe4 && r.vary == Self.pf4)
        let r0 = try respond(c, .preflight(origin: Self.good, method: "QUERY"), Self.v0)
        #expect(r0.status == 400 && r0.body == "Disallowed CORS method" && r0.allowMethods == "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT" && r0.vary == "Origin")
    }

    @Test func wildcardHeadersMirrorAuthorization() throws {
        let r = try respond(CORSConfiguration(allowOrigins: [Self.good], allowHeaders: ["*"]), .preflight(origin: Self.good, method: "GET", headers: ["Authorization"]))
        #expect(r.status == 200 && r.allowOrigin == Self.good && r.allowMethods == "GET" && r.allowHeaders == "authorization")
    }

    @Test func everythingWildcardWithCredentials() throws {
        let c = CORSConfiguration(allowOrigins: ["*"], allowMethods: ["*"], allowHeaders: ["*"], allowCredentials: true)
        let r = try respond(c, .preflight(origin: Self.evil, method: "PUT", headers: ["x-evil"]))
        #expect(r.status == 200 && r.allowOrigin == Self.evil && r.allowCredentials == "true" && r.allowHeaders == "x-evil" && r.vary == Self.pf4)
        // 0.x: the `*`-without-explicit-origin preflight has no Vary only when credentials are off.
        let r0 = try respond(CORSConfiguration(allowOrigins: ["*"], allowMethods: ["*"]), .preflight(origin: Self.evil, method: "PUT"), Self.v0)
        #expect(r0.allowOrigin == "*" && r0.vary == nil)
    }

    @Test func trailingSlashNeverMatches() throws {
        let r = try respond(CORSConfiguration(allowOrigins: [Self.good + "/"], allowCredentials: true), CORSRequest(method: "GET", origin: Self.good))
        #expect(r.allowOrigin == nil && r.allowCredentials == "true")
    }

    @Test func preflightFailuresAreJoined() throws {
        let r = try respond(CORSConfiguration(allowOrigins: [Self.good]), .preflight(origin: Self.evil, method: "PUT", headers: ["x-evil"], privateNetwork: true))
        #expect(r.status == 400 && r.body == "Disallowed CORS origin, method, headers, private-network")
    }

    @Test func privateNetworkArgumentNeedsNewEnoughStarlette() throws {
        #expect(throws: CORSConfigurationError.unsupportedArgument(name: "allow_private_network", version: StarletteVersion(0, 50, 0), introducedIn: StarletteVersion(0, 51, 0))) {
            try CORSEvaluator(configuration: CORSConfiguration(allowPrivateNetwork: true), version: StarletteVersion(0, 50, 0))
        }
        let r = try respond(CORSConfiguration(allowOrigins: [Self.good], allowPrivateNetwork: true), .preflight(origin: Self.good, method: "GET", privateNetwork: true))
        #expect(r.status == 200 && r.headers["access-control-allow-private-network"] == "true")
    }

    @Test func optionsWithoutACRMReachesRouter() throws {
        let r = try respond(CORSConfiguration(allowOrigins: [Self.good]), CORSRequest(method: "OPTIONS", origin: Self.good))
        #expect(r.status == 405 && r.body == "Method Not Allowed" && !r.handlerRuns && r.allowOrigin == Self.good)
    }

    @Test("seed 003 preflight mirrors X-API-Key, Content-Type instead of answering *")
    func seed003PreflightMirrors() throws {
        let c = CORSConfiguration(
            allowOrigins: CORSPolicyAnalysisTests.seed003Origins, allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
            allowHeaders: ["*"], allowCredentials: true)
        let request = CORSRequest(method: "OPTIONS", origin: "http://localhost:3000", accessControlRequestMethod: "DELETE", accessControlRequestHeaders: "X-API-Key, Content-Type")
        let r = try respond(c, request)
        #expect(r.status == 200)
        #expect(r.allowHeaders == "X-API-Key, Content-Type")
        #expect(r.allowOrigin == "http://localhost:3000" && r.allowCredentials == "true")
        #expect(r.allowMethods == "GET, POST, PUT, PATCH, DELETE, OPTIONS" && r.headers["access-control-max-age"] == "600")
    }
}

@Suite("CORS configuration, version and regex basics")
struct CORSBasicsTests {
    @Test func versionParsingAndOrder() throws {
        #expect(StarletteVersion("1.10.0") == StarletteVersion(1, 10, 0))
        #expect(StarletteVersion("0.52") == StarletteVersion(0, 52, 0))
        #expect(try #require(StarletteVersion("1.0.0rc1")) < StarletteVersion(1, 0, 0))
        #expect(StarletteVersion(1, 9, 0) < StarletteVersion(1, 10, 0))
        #expect(StarletteVersion("1.x") == nil && StarletteVersion("") == nil)
    }

    @Test func unknownKwargSuggestsNearest() {
        #expect(throws: CORSConfigurationError.unknownKey("allow_orgins", suggestion: "allow_origins")) {
            try CORSConfiguration(keywordArguments: ["allow_orgins": ["*"]])
        }
        #expect(throws: CORSConfigurationError.invalidValue(key: "allow_credentials", expected: "true or false")) {
            try CORSConfiguration(keywordArguments: ["allow_credentials": 1])
        }
    }

    @Test func pythonRegexSemantics() throws {
        let r = try OriginRegex(#"https://[a-z0-9-]+\.example\.(com|org)"#)
        #expect(r.fullyMatches("https://a-1.example.org") && !r.fullyMatches("https://a.example.com.x"))
        #expect(r.matchesPrefix("https://a.example.com.x"))
        #expect(try OriginRegex(#"^https://x\.com$"#).fullyMatches("https://x.com"))
        #expect(try OriginRegex("a{2,3}").fullyMatches("aaa") && !(try OriginRegex("a{2,3}").fullyMatches("aaaa")))
        #expect(try OriginRegex("x{,2}y").fullyMatches("xxy"))
        #expect(try OriginRegex("a{x}").fullyMatches("a{x}"))  // literal brace, as in Python
        #expect(!(try OriginRegex(".").fullyMatches("\n")))
        for unsupported in ["(?i)https://x", #"https://(?=x)"#, #"(a)\1"#, #"\bx"#] {
            #expect(throws: CORSConfigurationError.self) { try OriginRegex(unsupported) }
        }
        #expect(throws: CORSConfigurationError.self) { try OriginRegex("(unclosed") }
        #expect(throws: CORSConfigurationError.self) { try OriginRegex("*x") }
    }
}
