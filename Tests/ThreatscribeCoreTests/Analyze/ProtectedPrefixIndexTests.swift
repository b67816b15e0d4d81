import Testing
@testable import ThreatscribeCore

/// The prefix index finds the same protecting router as scanning every router in order would.
struct ProtectedPrefixIndexTests {
    static let prefixes: [(Int, String)] = [
        (0, "/admin"), (2, "/api/"), (3, "/api/v1"), (5, "/admin/"), (6, "/ädmin"), (7, "//x"), (8, "/api/v1/items"),
    ]

    static func scan(_ path: String, except router: Int) -> (Int, String)? {
        prefixes.first { $0.0 != router && EndpointAnalyzer.path(path, isUnder: $0.1) }
    }

    @Test(arguments: [
        "/admin", "/admin/", "/admin/export", "/administrator", "/api", "/api/v1", "/api/v1/items/{id}", "/api/v2",
        "/ädmin/x", "/a\u{308}dmin/x", "//x/y", "/", "", "/other", "/api/v1items",
    ])
    func sameAsScanningEveryRouter(path: String) {
        let index = ProtectedPrefixIndex(Self.prefixes)
        for router in [-1, 0, 2, 3, 5, 8] {
            let found = index.first(over: path, except: router)
            let expected = Self.scan(path, except: router)
            #expect(found?.0 == expected?.0 && found?.1 == expected?.1, "path \(path), except router \(router)")
        }
    }

    @Test func firstRouterWinsOverLongestPrefix() {
        let index = ProtectedPrefixIndex(Self.prefixes)
        #expect(index.first(over: "/api/v1/items/1", except: -1)?.0 == 2)
        #expect(index.first(over: "/api/v1/items/1", except: 2)?.0 == 3)
        #expect(index.first(over: "/administrator", except: -1) == nil)
    }
}
