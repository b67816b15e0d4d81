import Testing
@testable import ThreatscribeCore

/// The committed precompiled catalog is exactly what parsing the built-in YAML gives, and user
/// catalogs merge into it as they merge into a fresh parse.
struct PrecompiledCatalogTests {
    /// A fresh parse of the embedded `Catalog/` (itself checked against the repository by `GeneratedFilesTests`).
    static let freshParse = Result { () throws(DiagnosticList) in try PrecompiledCatalog.compiling(.builtIn, vocabulary: Analyzers.vocabulary) }

    /// The committed `Generated/PrecompiledCatalogJSON.swift` is what `catalog precompile` writes today.
    @Test func precompiledEqualsFreshParse() throws {
        let fresh = try Self.freshParse.get()
        let precompiled = try BuiltInCatalog.precompiled()
        let stale = "the committed precompiled catalog differs from a fresh parse of Catalog/: run bash scripts/regenerate.sh"
        #expect(precompiled.entries.map(\.id) == fresh.entries.map(\.id), "\(stale)")
        #expect(precompiled.overrides == fresh.overrides, "\(stale)")
        // Entry by entry, so a difference names the entry; then every field through Equatable.
        for (built, parsed) in zip(precompiled.entries, fresh.entries) {
            #expect(built == parsed, "\(parsed.id): \(stale)")
        }
        // The text too, so a change in the encoding alone (a field renamed) is caught as well.
        #expect(PrecompiledCatalogJSON.text == (try fresh.json()), "\(stale)")
        #expect(!precompiled.entries.isEmpty)
    }

    @Test func jsonRoundTripsEveryField() throws {
        let fresh = try Self.freshParse.get()
        #expect(try PrecompiledCatalog(json: fresh.json()) == fresh)
    }

    /// The hand-written reader gives what `JSONDecoder` gives for the committed text, every field.
    @Test func readingByHandEqualsCodable() throws {
        let byHand = try PrecompiledCatalog(json: PrecompiledCatalogJSON.text)
        let codable = try PrecompiledCatalog(codableJSON: PrecompiledCatalogJSON.text)
        #expect(byHand.entries.count == codable.entries.count)
        for (read, decoded) in zip(byHand.entries, codable.entries) { #expect(read == decoded, "\(decoded.id)") }
        #expect(byHand == codable)
        // Optional fields, overrides and every condition form, which the committed catalog may not all use.
        var catalog = codable
        catalog.entries[0].component = nil
        catalog.entries[0].severityOverride = .critical
        catalog.entries[0].when = .or(.not(.compare(.count(.fact(scope: "app", field: "x", offset: 3)), .greaterOrEqual, .int(-2))),
                                      .and(.truthy(.known(.fact(scope: nil, field: "y", offset: 0))),
                                           .compare(.string("a\"\\\n\u{1}é😀"), .in, .list(["b", ""]))))
        catalog.overrides = [CatalogOverride(id: "TS-X", severity: nil, disabled: true, location: SourceLocation(file: "o.yaml", line: 1, column: 1)),
                             CatalogOverride(id: "TS-Y", severity: .low, disabled: false, location: SourceLocation(file: "p.yaml", line: 0, column: 0))]
        #expect(try PrecompiledCatalog(json: catalog.json()) == catalog)
    }

    /// A text that is not the catalog's JSON is an error, never a partial or defaulted catalog.
    @Test func malformedJSONIsAnError() throws {
        let good = try PrecompiledCatalog(json: PrecompiledCatalogJSON.text)
        let json = try good.json()
        let broken = [
            json + "x",                                                     // text after the value
            String(json.dropLast()),                                        // unterminated
            json.replacingOccurrences(of: "\"whenText\":", with: "\"whenTxt\":"),  // a key missing
            json.replacingOccurrences(of: "\"column\":1,", with: "\"column\":\"1\","),   // a wrong type
            json.replacingOccurrences(of: "\"confidence\":\"", with: "\"confidence\":\"x"),  // an unknown raw value
            json.replacingOccurrences(of: "{\"truthy\":", with: "{\"truthful\":"),  // an unknown case
            #"{"entries":[],"overrides":[],"entries":[]}"#,                 // a duplicate key
            #"{"entries":[],"overrides":[{"id":"\ud800","disabled":true,"location":{"file":"a","line":1,"column":1}}]}"#,  // lone surrogate
        ]
        for text in broken {
            #expect(throws: (any Error).self) { try PrecompiledCatalog(json: text) }
        }
        #expect(try PrecompiledCatalog(json: #" {"entries" : [ ] , "overrides":[{"id":"\u0041\ud83d\ude00\/","disabled":false,"location":{"file":"a","line":-1,"column":0}}]} "#).overrides
                == [CatalogOverride(id: "A😀/", severity: nil, disabled: false, location: SourceLocation(file: "a", line: -1, column: 0))])
    }

    @Test func loadingPrecompiledEqualsLoadingTheYAML() throws {
        let fromYAML = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        let precompiled = try BuiltInCatalog.load(vocabulary: Analyzers.vocabulary)
        #expect(precompiled.entries == fromYAML.entries)
        #expect(precompiled.disabledIDs == fromYAML.disabledIDs)
    }

    /// User entries and overrides (disable, severity) give the same catalog on both paths.
    @Test func userFilesMergeTheSame() throws {
        let user = [
            ThreatCatalog.SourceFile(name: "user/entry.yaml", text: CatalogLoadTests.entry),
            ThreatCatalog.SourceFile(name: "user/o1.yaml", text: "override: TS-AUTH-001\ndisabled: true\n"),
            ThreatCatalog.SourceFile(name: "user/o2.yaml", text: "override: TS-AUTH-002\nseverity: critical\n"),
        ]
        let fromYAML = try ThreatCatalog.load(builtIn: .builtIn, userFiles: user, vocabulary: Analyzers.vocabulary)
        let precompiled = try BuiltInCatalog.load(userFiles: user, vocabulary: Analyzers.vocabulary)
        #expect(precompiled.entries == fromYAML.entries)
        #expect(precompiled.disabledIDs == ["TS-AUTH-001"] && fromYAML.disabledIDs == ["TS-AUTH-001"])
        #expect(precompiled.entry(id: "TS-AUTH-002")?.severityOverride == .critical)
        #expect(precompiled.entry(id: "TS-TEST-001") != nil)
    }

    /// A user file's mistakes are reported with the same `file:line:col` on both paths, a clash with a
    /// built-in entry citing the built-in file.
    @Test func userFileDiagnosticsAreTheSame() throws {
        let clash = CatalogLoadTests.entry.replacingOccurrences(of: "id: TS-TEST-001", with: "id: TS-AUTH-001")
        let user = [
            ThreatCatalog.SourceFile(name: "user/clash.yaml", text: clash),
            ThreatCatalog.SourceFile(name: "user/bad.yaml", text: "override: TS-AUTH-01\nseverity: huge\n"),
        ]
        func messages(_ load: () throws(DiagnosticList) -> ThreatCatalog) -> [String] {
            do { _ = try load(); return [] } catch { return error.diagnostics.sorted(by: DiagnosticList.order).map(\.description) }
        }
        let fromYAML = messages { () throws(DiagnosticList) in try ThreatCatalog.load(builtIn: .builtIn, userFiles: user, vocabulary: Analyzers.vocabulary) }
        let precompiled = messages { () throws(DiagnosticList) in try BuiltInCatalog.load(userFiles: user, vocabulary: Analyzers.vocabulary) }
        #expect(precompiled == fromYAML)
        #expect(precompiled.contains { $0.contains("user/clash.yaml:1:1") && $0.contains("Catalog/entries/auth/TS-AUTH-001.yaml:1:1") })
        #expect(precompiled.contains { $0.hasPrefix("user/bad.yaml:2:11: error: invalid severity") })
    }
}
