import Foundation
import Yams

/// Reads catalog files: an entry (a threat) or an override of a built-in entry.
///
/// Every problem is collected with its `file:line:col`: unknown keys (with a suggestion), wrong
/// types, unknown standards ids, and conditions or placeholders that name facts no analyzer derives.
struct CatalogEntryParser {
    var vocabulary: FactVocabulary
    var reference: StandardsReference

    static let entryKeys = [
        "id", "title", "scope", "when", "component", "stride", "cwe", "owasp_api_2023", "owasp_top10_2021",
        "owasp_top10_2025", "asvs_5_0", "asvs_4_0_3", "nist_800_53", "likelihood", "impact", "confidence", "reach", "controls",
        "evidence", "description", "impact_description", "detection", "false_positives", "mitigation",
        "validation", "references", "samples",
    ]
    static let overrideKeys = ["override", "severity", "disabled"]

    enum Parsed {
        case entry(CatalogEntry)
        case override(CatalogOverride)
    }

    /// A parser checking against the standards reference of `store`.
    init(vocabulary: FactVocabulary, store: ResourceStore) throws(DiagnosticList) {
        do { reference = try StandardsReference.load(from: store) } catch {
            throw DiagnosticList([Diagnostic(.error, "cannot read the standards reference: \(error)", at: nil)])
        }
        self.vocabulary = vocabulary
    }

    /// Every file parsed, concurrently, in the order of `files` (so diagnostics read in file order).
    func parseConcurrently(_ files: [ThreatCatalog.SourceFile]) -> [(Parsed?, [Diagnostic])] {
        files.concurrentMap { parse(text: $0.text, file: $0.name) }
    }

    func parse(text: String, file: String) -> (Parsed?, [Diagnostic]) {
        var reader = YAMLFieldReader(file: file, text: text)
        let prescanned = YAMLPrescan.problems(in: text, file: file, what: "catalog file")
        if !prescanned.isEmpty { return (nil, prescanned) }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                reader.error("the catalog file is empty", at: SourceLocation(file: file, line: 1, column: 1))
                return (nil, reader.diagnostics)
            }
            root = node
        } catch let YamlError.scanner(_, problem, mark, _), let YamlError.parser(_, problem, mark, _) {
            reader.error(problem, at: SourceLocation(file: file, line: mark.line, column: mark.column))
            return (nil, reader.diagnostics)
        } catch {
            reader.error("not valid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
            return (nil, reader.diagnostics)
        }
        if case .mapping(let mapping) = root, mapping.keys.contains(where: { $0.string == "override" }) {
            let override = parseOverride(root, reader: &reader)
            return (override.map(Parsed.override), reader.diagnostics)
        }
        let entry = parseEntry(root, reader: &reader)
        return (entry.map(Parsed.entry), reader.diagnostics)
    }

    private func parseOverride(_ root: Node, reader: inout YAMLFieldReader) -> CatalogOverride? {
        guard let fields = reader.fields(of: root, allowed: Self.overrideKeys, context: "catalog override") else { return nil }
        guard let id = reader.string(fields, "override", required: true, in: "catalog override", at: root) else { return nil }
        var severity: Severity?
        if let text = reader.string(fields, "severity", required: false, in: "catalog override", at: root) {
            severity = Severity(rawValue: text.lowercased())
            if severity == nil {
                reader.error("invalid severity `\(DiagnosticText.excerpt(text))`; use one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))",
                             at: fields["severity"]?.value)
            }
        }
        var disabled = false
        if let field = fields["disabled"] {
            if let flag = field.value.bool { disabled = flag } else { reader.error("`disabled` must be true or false", at: field.value) }
        }
        return CatalogOverride(id: id, severity: severity, disabled: disabled, location: reader.location(of: root))
    }

    private func parseEntry(_ root: Node, reader: inout YAMLFieldReader) -> CatalogEntry? {
        let context = "catalog entry"
        guard let fields = reader.fields(of: root, allowed: Self.entryKeys, context: context) else { return nil }
        func text(_ key: String, required: Bool = true) -> String {
            reader.string(fields, key, required: required, in: context, at: root) ?? ""
        }
        let id = text("id")
        if !id.isEmpty, id.range(of: #"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"#, options: .regularExpression) == nil {
            reader.error("entry id `\(DiagnosticText.excerpt(id))` must look like `TS-CORS-001` (upper case, dash-separated)", at: fields["id"]?.value)
        }
        let scopeName = text("scope")
        let scope = vocabulary.scopes[scopeName]
        if scope == nil, !scopeName.isEmpty {
            let hint = Suggestion.closest(to: scopeName, in: Array(vocabulary.scopes.keys)).map { "; did you mean `\($0)`?" } ?? ""
            reader.error("unknown scope `\(DiagnosticText.excerpt(scopeName))`\(hint)", at: fields["scope"]?.value)
        }

        var condition: Condition?
        let whenText = text("when")
        if let scope, let whenNode = fields["when"]?.value {
            let checker = ConditionChecker(vocabulary: vocabulary, scope: scope)
            do {
                let parsed = try ConditionParser.parse(whenText)
                try checker.check(parsed)
                condition = parsed
            } catch {
                reader.error(error.message, at: reader.location(inScalar: whenNode, offset: error.offset))
            }
            for key in ["title", "description", "impact_description", "mitigation", "validation"] {
                guard let node = fields[key]?.value, case .scalar(let scalar) = node else { continue }
                do { try ProseTemplate.check(scalar.string, checker: checker) } catch {
                    reader.error("in `\(key)`: \(error.message)", at: reader.location(inScalar: node, offset: error.offset))
                }
            }
        }

        let stride = parseStride(fields, reader: &reader)
        let cwe = text("cwe")
        if !cwe.isEmpty {
            if let why = reference.forbiddenCWEs[cwe] {
                reader.error("\(cwe) is \(why)", at: fields["cwe"]?.value)
            } else if reference.cweNames[cwe] == nil {
                reader.error("unknown CWE `\(DiagnosticText.excerpt(cwe))`: add its exact name to Catalog/reference/cwe-supplement.yaml", at: fields["cwe"]?.value)
            }
        }
        let owaspAPI = checkedIDs(fields, "owasp_api_2023", in: reference.owaspAPI2023, reader: &reader)
        let owasp2021 = checkedIDs(fields, "owasp_top10_2021", in: reference.owasp2021, reader: &reader)
        let owasp2025 = checkedIDs(fields, "owasp_top10_2025", in: reference.owasp2025, reader: &reader)
        let asvs5 = checkedIDs(fields, "asvs_5_0", in: reference.asvs5, reader: &reader)
        let asvs4 = checkedIDs(fields, "asvs_4_0_3", in: reference.asvs4, reader: &reader)
        let nist = checkedIDs(fields, "nist_800_53", in: reference.nist80053, reader: &reader)

        var likelihood = RiskFactors(scores: [:])
        var impact = RiskFactors(scores: [:])
        if let node = fields["likelihood"]?.value {
            likelihood.scores = reader.integerMap(node, key: "likelihood", allowed: RiskFactors.likelihoodFactors, range: 0...9)
        } else { reader.error("missing key `likelihood` in \(context)", at: root) }
        if let node = fields["impact"]?.value {
            impact.scores = reader.integerMap(node, key: "impact", allowed: RiskFactors.impactFactors, range: 0...9)
        } else { reader.error("missing key `impact` in \(context)", at: root) }

        let confidenceText = text("confidence")
        let confidence = Confidence(rawValue: confidenceText)
        if confidence == nil, !confidenceText.isEmpty {
            reader.error("invalid confidence `\(DiagnosticText.excerpt(confidenceText))`; use `clear-cut` or `judgment`", at: fields["confidence"]?.value)
        }
        var reach = ThreatReach.defaultReach(forScope: scopeName)
        if fields["reach"] != nil {
            let reachText = text("reach")
            if let parsed = ThreatReach(rawValue: reachText) { reach = parsed } else {
                reader.error("invalid reach `\(reachText)`; use `network`, `browser` or `artifact`", at: fields["reach"]?.value)
            }
        }
        let controls = reader.strings(fields, "controls", in: context)
        for kind in controls where ControlKind.all[kind] == nil {
            let hint = Suggestion.closest(to: kind, in: Array(ControlKind.all.keys)).map { "; did you mean `\($0)`?" } ?? ""
            reader.error("unknown control kind `\(DiagnosticText.excerpt(kind))`\(hint)", at: fields["controls"]?.value)
        }
        let evidence = reader.strings(fields, "evidence", in: context)
        if let scope {
            for name in evidence where scope.field(named: name) == nil {
                let hint = Suggestion.closest(to: name, in: scope.fields.map(\.name)).map { "; did you mean `\($0)`?" } ?? ""
                reader.error("evidence names unknown fact `\(DiagnosticText.excerpt(name))` in scope `\(scope.name)`\(hint)", at: fields["evidence"]?.value)
            }
        }
        let prose = ["title", "description", "impact_description", "detection", "false_positives", "mitigation", "validation"]
            .reduce(into: [String: String]()) { $0[$1] = text($1) }
        let samples = parseSamples(fields["samples"]?.value, reader: &reader, at: root)
        let references = reader.strings(fields, "references", in: context)
        if references.isEmpty { reader.error("an entry needs at least one reference", at: root) }

        guard let condition, let confidence, !id.isEmpty, reader.diagnostics.isEmpty else { return nil }
        var entry = CatalogEntry(
            id: id, title: prose["title"]!, scope: scopeName, when: condition, whenText: whenText,
            component: fields["component"] == nil ? nil : text("component"),
            stride: stride, cwe: cwe, cweName: reference.cweNames[cwe] ?? "", owaspAPI2023: owaspAPI, owasp2021: owasp2021, owasp2025: owasp2025,
            asvs5: asvs5, asvs4: asvs4, nist80053: nist, likelihood: likelihood, impact: impact,
            severityOverride: nil, confidence: confidence, controls: controls,
            evidenceFields: evidence.isEmpty ? Self.entryScopeFacts(in: condition, scope: scopeName) : evidence,
            description: prose["description"]!, impactText: prose["impact_description"]!, detection: prose["detection"]!,
            falsePositives: prose["false_positives"]!, mitigation: prose["mitigation"]!, validation: prose["validation"]!,
            references: references, samples: samples, location: reader.location(of: root))
        entry.reach = reach
        return entry
    }

    private func parseStride(_ fields: [String: (key: Node, value: Node)], reader: inout YAMLFieldReader) -> [STRIDE] {
        var result: [STRIDE] = []
        for letter in reader.strings(fields, "stride", in: "catalog entry") {
            if let value = STRIDE(rawValue: letter) ?? STRIDE.allCases.first(where: { $0.name.lowercased() == letter.lowercased() }) {
                result.append(value)
            } else {
                reader.error("invalid STRIDE category `\(DiagnosticText.excerpt(letter))`; use S, T, R, I, D or E", at: fields["stride"]?.value)
            }
        }
        if result.isEmpty, fields["stride"] == nil { reader.error("missing key `stride` in catalog entry", at: nil as Node?) }
        return result
    }

    private func checkedIDs(_ fields: [String: (key: Node, value: Node)], _ key: String, in table: [String: String],
                            reader: inout YAMLFieldReader) -> [String] {
        let ids = reader.strings(fields, key, in: "catalog entry")
        for id in ids where table[id] == nil {
            let hint = Suggestion.closest(to: id, in: Array(table.keys)).map { "; did you mean `\($0)`?" } ?? ""
            reader.error("`\(DiagnosticText.excerpt(id))` is not a known \(key) id\(hint)", at: fields[key]?.value)
        }
        return ids
    }

    private func parseSamples(_ node: Node?, reader: inout YAMLFieldReader, at root: Node) -> CatalogSamples {
        var samples = CatalogSamples(trigger: [], noTrigger: [])
        guard let node else {
            reader.error("missing key `samples` (a `trigger` and a `no_trigger` model)", at: root)
            return samples
        }
        guard let fields = reader.fields(of: node, allowed: ["trigger", "no_trigger"], context: "`samples`") else { return samples }
        for key in ["trigger", "no_trigger"] {
            guard case .sequence(let sequence)? = fields[key]?.value, !sequence.isEmpty else {
                reader.error("`samples.\(key)` must list at least one model", at: fields[key]?.value ?? node)
                continue
            }
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    reader.error("a sample is a model written as a block string (`- |`)", at: item)
                    continue
                }
                let sample = CatalogSample(model: scalar.string, location: reader.location(inScalar: item, offset: 0))
                if key == "trigger" { samples.trigger.append(sample) } else { samples.noTrigger.append(sample) }
            }
        }
        return samples
    }

    /// The fields of the entry's own scope that a condition names: the default evidence.
    static func entryScopeFacts(in condition: Condition, scope: String) -> [String] {
        var names: [String] = []
        func visit(_ operand: Operand) {
            switch operand {
            case .fact(let named, let field, _) where named == nil || named == scope:
                if !names.contains(field) { names.append(field) }
            case .count(let inner), .known(let inner): visit(inner)
            default: break
            }
        }
        func walk(_ condition: Condition) {
            switch condition {
            case .and(let a, let b), .or(let a, let b): walk(a); walk(b)
            case .not(let inner): walk(inner)
            case .truthy(let operand): visit(operand)
            case .compare(let a, _, let b): visit(a); visit(b)
            }
        }
        walk(condition)
        return names
    }
}
