import Foundation
import Testing
@testable import ThreatscribeCore

/// Subjects and findings share their storage between copies (copy on write) and compiled prose fills as
/// the template does: both are speed-ups that must change no value.
struct SharedStorageTests {
    @Test func aChangedSubjectCopyLeavesTheOriginalAlone() {
        var original = FactSubject(scope: "endpoint", path: "routers[0].endpoints[0]", name: "GET /a", component: "Routing",
                                   values: ["path": .string("/a")], valuePaths: ["path": "routers[0].endpoints[0].path"])
        original.shellStandIns["path"] = "\"$BASE_URL\""
        let before = original
        var copy = original
        #expect(copy == original)
        copy.set("path", .string("/b"), from: "routers[0].endpoints[1].path", shownAs: "/b (shown)", detail: "d")
        copy.name = "GET /b"
        copy.shellStandIns["path"] = nil
        #expect(original["path"] == .string("/a"))
        #expect(original.name == "GET /a" && original.valuePaths["path"] == "routers[0].endpoints[0].path")
        #expect(original.evidenceValues.isEmpty && original.evidenceDetails.isEmpty && original.shellStandIns["path"] == "\"$BASE_URL\"")
        #expect(original == before && copy != original)
        #expect(copy["path"] == .string("/b") && copy.evidenceValues["path"] == "/b (shown)" && copy.evidenceDetails["path"] == "d")
        // Equal fields are equal subjects, whether or not they share storage.
        var rebuilt = FactSubject(scope: "endpoint", path: "routers[0].endpoints[0]", name: "GET /a", component: "Routing",
                                  values: ["path": .string("/a")], valuePaths: ["path": "routers[0].endpoints[0].path"])
        #expect(rebuilt != original)
        rebuilt.shellStandIns["path"] = "\"$BASE_URL\""
        #expect(rebuilt == original)
    }

    @Test func aChangedFindingCopyLeavesTheOriginalAlone() throws {
        let findings = ReportFixture.findings(file: "model.yaml", environments: ["staging", "production"]) { $0 }
        let original = findings[0]
        var copy = original
        copy.id += "#production"
        copy.environments.removeAll { $0 == "staging" }
        copy.evidence[0].value = "changed"
        copy.tracking = FindingTracking(status: .accepted, matchedBy: "TS-CORS-*", isExpired: false)
        #expect(original.id == "TS-CORS-001@middleware[0]" && original.environments == ["staging", "production"])
        #expect(original.evidence[0].value == "[\"*\"]" && original.tracking == nil)
        #expect(original == findings[0] && copy != original)
        // The Codable form is the fields' own: it reads back equal, under the fields' names.
        let data = try JSONEncoder().encode(copy)
        #expect(try JSONDecoder().decode(Finding.self, from: data) == copy)
        let keys = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]).keys
        #expect(Set(keys).isSuperset(of: ["id", "threatID", "subjectPath", "impactText", "owaspAPI2023", "tracking"]))
    }

    /// Every built-in entry's texts, filled compiled and through the template, with hostile values in every
    /// placeholder and with none known.
    @Test func compiledProseFillsAsTheTemplate() throws {
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        let hostile = "`x` *y* $(id) 'q' \"d\" \\ <b> é\u{301} 😀\nline"
        var extra = [
            "", "no placeholders, `code` and é\u{301}", "{{subject}}", "{{subject}} at the start and the end {{subject|code}}",
            "é\u{301}😀 {{subject}} `{{subject}}` ```bash\ncurl {{subject}}\n```", "{{unclosed",
        ]
        extra += catalog.entries.flatMap { [$0.title, $0.description, $0.impactText, $0.mitigation, $0.validation] }
        for entry in catalog.entries {
            let texts = [entry.title, entry.description, entry.impactText, entry.mitigation, entry.validation]
            var values: [String: [String: FactValue]] = [:]
            for (index, placeholder) in texts.flatMap({ ProseLayout($0).placeholders }).enumerated() {
                let value: FactValue = index % 3 == 0 ? .list([hostile, "b", "c"]) : index % 3 == 1 ? .string(hostile) : .int(index)
                values[placeholder.scope ?? entry.scope, default: [:]][placeholder.field] = value
            }
            let subject = FactSubject(scope: entry.scope, path: "x[0]", name: hostile, component: "c", values: values[entry.scope] ?? [:])
            let globals = Dictionary(uniqueKeysWithValues: values.keys.filter { $0 != entry.scope }.map { scope in
                (scope, FactSubject(scope: scope, path: "y", name: scope, component: "c", values: values[scope]!))
            })
            for evaluator in [ConditionEvaluator(subject: subject, globals: globals),
                              ConditionEvaluator(subject: FactSubject(scope: entry.scope, path: "x", name: "x", component: "c"), globals: [:])] {
                for text in texts + (entry.id == catalog.entries[0].id ? extra : []) {
                    let compiled = CompiledProse(text, plainText: true)
                    #expect(compiled.filled(evaluator) == ProseTemplate.fill(text, evaluator: evaluator), "\(entry.id): \(text.prefix(60))")
                    #expect(compiled.plainText(evaluator) == ProseTemplate.plainText(text, evaluator: evaluator), "\(entry.id): \(text.prefix(60))")
                }
            }
        }
    }
}

extension SharedStorageTests {
    /// The ASCII shortcut of `ShellWord.needsEscape` agrees with the general category it skips.
    @Test func asciiNeedsEscapeAgreesWithTheCategory() {
        for value in UInt32(0)..<0x80 {
            let scalar = Unicode.Scalar(value)!
            let byCategory: Bool = switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: true
            default: false
            }
            #expect(ShellWord.needsEscape(scalar) == byCategory, "U+\(String(value, radix: 16))")
        }
    }
}
