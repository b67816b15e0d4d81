/// Reading the JSON that `PrecompiledCatalog.json()` writes (through `JSONEncoder`) by hand, field by
/// field, with the keys and shapes `Codable` gives these types: the same value `JSONDecoder` decodes
/// (`PrecompiledCatalogTests` compares the two), several times faster at start-up.
extension PrecompiledCatalog {
    /// Reads the JSON written by `json()`.
    public init(json: String) throws {
        let root = try PrecompiledJSONObject(PrecompiledJSON.parse(json), at: "catalog")
        var entries: [CatalogEntry] = []
        for (index, value) in try root.array("entries").enumerated() {
            entries.append(try CatalogEntry(json: PrecompiledJSONObject(value, at: "entries[\(index)]")))
        }
        var overrides: [CatalogOverride] = []
        for (index, value) in try root.array("overrides").enumerated() {
            overrides.append(try CatalogOverride(json: PrecompiledJSONObject(value, at: "overrides[\(index)]")))
        }
        self.init(entries: entries, overrides: overrides)
    }
}

extension CatalogEntry {
    init(json: PrecompiledJSONObject) throws(PrecompiledJSON.Problem) {
        self.init(
            id: try json.string("id"),
            title: try json.string("title"),
            scope: try json.string("scope"),
            when: try Condition(json: json.object("when")),
            whenText: try json.string("whenText"),
            component: try json.optionalString("component"),
            stride: try json.strings("stride").map { (text) throws(PrecompiledJSON.Problem) in
                guard let value = STRIDE(rawValue: text) else { throw json.mismatch("stride", "a STRIDE letter, not \(text)") }
                return value
            },
            cwe: try json.string("cwe"),
            cweName: try json.string("cweName"),
            owaspAPI2023: try json.strings("owaspAPI2023"),
            owasp2021: try json.strings("owasp2021"),
            owasp2025: try json.strings("owasp2025"),
            asvs5: try json.strings("asvs5"),
            asvs4: try json.strings("asvs4"),
            nist80053: try json.strings("nist80053"),
            likelihood: try RiskFactors(json: json.object("likelihood")),
            impact: try RiskFactors(json: json.object("impact")),
            severityOverride: try json.optionalRaw("severityOverride"),
            confidence: try json.raw("confidence"),
            reach: try json.raw("reach"),
            controls: try json.strings("controls"),
            evidenceFields: try json.strings("evidenceFields"),
            description: try json.string("description"),
            impactText: try json.string("impactText"),
            detection: try json.string("detection"),
            falsePositives: try json.string("falsePositives"),
            mitigation: try json.string("mitigation"),
            validation: try json.string("validation"),
            references: try json.strings("references"),
            samples: try CatalogSamples(json: json.object("samples")),
            location: try SourceLocation(json: json.object("location"))
        )
    }
}

extension CatalogOverride {
    init(json: PrecompiledJSONObject) throws(PrecompiledJSON.Problem) {
        self.init(
            id: try json.string("id"),
            severity: try json.optionalRaw("severity"),
            disabled: try json.bool("disabled"),
            location: try SourceLocation(json: json.object("location"))
        )
    }
}

extension RiskFactors {
    init(json: PrecompiledJSONObject) throws(PrecompiledJSON.Problem) {
        let scores = try json.object("scores")
        var values: [String: Int] = [:]
        for key in scores.members.keys { values[key] = try scores.int(key) }
        self.init(scores: values)
    }
}

extension CatalogSamples {
    init(json: PrecompiledJSONObject) throws(PrecompiledJSON.Problem) {
        func samples(_ key: String) throws(PrecompiledJSON.Problem) -> [CatalogSample] {
            var result: [CatalogSample] = []
            for (index, value) in try json.array(key).enumerated() {
                let sample = try PrecompiledJSONObject(value, at: "\(json.path).\(key)[\(index)]")
                result.append(CatalogSample(model: try sample.string("model"), location: try SourceLocation(json: sample.object("location"))))
            }
            return result
        }
        self.init(trigger: try samples("trigger"), noTrigger: try samples("noTrigger"))
    }
}

extension SourceLocation {
    init(json: PrecompiledJSONObject) throws(PrecompiledJSON.Problem) {
        self.init(file: try json.string("file"), line: try json.int("line"), column: try json.int("column"))
    }
}

/// `Codable`'s form of an enum with associated values: `{"case": {"_0": …, "_1": …}}`, or the
/// associated values' labels where they have them.
extension Condition {
    init(json: PrecompiledJSONObject) throws(PrecompiledJSON.Problem) {
        let (name, value) = try json.onlyMember()
        let values = try PrecompiledJSONObject(value, at: json.path + "." + name)
        switch name {
        case "and": self = .and(try Condition(json: values.object("_0")), try Condition(json: values.object("_1")))
        case "or": self = .or(try Condition(json: values.object("_0")), try Condition(json: values.object("_1")))
        case "not": self = .not(try Condition(json: values.object("_0")))
        case "compare":
            self = .compare(try Operand(json: values.object("_0")), try values.raw("_1"), try Operand(json: values.object("_2")))
        case "truthy": self = .truthy(try Operand(json: values.object("_0")))
        default: throw PrecompiledJSON.Problem(description: "\(json.path): unknown condition \(name)")
        }
    }
}

extension Operand {
    init(json: PrecompiledJSONObject) throws(PrecompiledJSON.Problem) {
        let (name, value) = try json.onlyMember()
        let values = try PrecompiledJSONObject(value, at: json.path + "." + name)
        switch name {
        case "fact":
            self = .fact(scope: try values.optionalString("scope"), field: try values.string("field"), offset: try values.int("offset"))
        case "string": self = .string(try values.string("_0"))
        case "int": self = .int(try values.int("_0"))
        case "bool": self = .bool(try values.bool("_0"))
        case "list": self = .list(try values.strings("_0"))
        case "count": self = .count(try Operand(json: values.object("_0")))
        case "known": self = .known(try Operand(json: values.object("_0")))
        default: throw PrecompiledJSON.Problem(description: "\(json.path): unknown operand \(name)")
        }
    }
}
