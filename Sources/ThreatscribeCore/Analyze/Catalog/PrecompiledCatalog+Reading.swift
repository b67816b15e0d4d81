/// Reading the JSON that `PrecompiledCatalog.json()` writes (through `JSONEncoder`) by hand, member by
/// member, with the keys and shapes `Codable` gives these types: the same value `JSONDecoder` decodes
/// (`PrecompiledCatalogTests` compares the two), several times faster at start-up. As with `Codable`,
/// a missing key, a wrong type or an unknown case is an error and an unknown key is skipped; a key
/// given twice is an error too.
extension PrecompiledCatalog {
    /// Reads the JSON written by `json()`.
    public init(json: String) throws {
        self = try PrecompiledJSON.reading(json) { (reader) throws(PrecompiledJSON.Problem) in
            let at = PrecompiledJSONPath("catalog")
            var entries: [CatalogEntry]?, overrides: [CatalogOverride]?
            try reader.object { (reader, key) throws(PrecompiledJSON.Problem) in
                switch key {
                case "entries":
                    entries = try reader.once(entries, key) { (reader) throws(PrecompiledJSON.Problem) in
                        var list: [CatalogEntry] = []
                        try reader.array { (reader) throws(PrecompiledJSON.Problem) in
                            list.append(try CatalogEntry(&reader, at: PrecompiledJSONPath("entries[\(list.count)]")))
                        }
                        return list
                    }
                case "overrides":
                    overrides = try reader.once(overrides, key) { (reader) throws(PrecompiledJSON.Problem) in
                        var list: [CatalogOverride] = []
                        try reader.array { (reader) throws(PrecompiledJSON.Problem) in
                            list.append(try CatalogOverride(&reader, at: PrecompiledJSONPath("overrides[\(list.count)]")))
                        }
                        return list
                    }
                default: try reader.skipValue()
                }
            }
            return PrecompiledCatalog(entries: try at.required(entries, "entries"), overrides: try at.required(overrides, "overrides"))
        }
    }
}

extension CatalogEntry {
    init(_ reader: inout PrecompiledJSON, at path: PrecompiledJSONPath) throws(PrecompiledJSON.Problem) {
        var id, title, scope, whenText, cwe, cweName, description, impactText, detection, falsePositives, mitigation, validation: String?
        var component: String??, severityOverride: Severity??
        var when: Condition?
        var stride: [STRIDE]?
        var owaspAPI2023, owasp2021, owasp2025, asvs5, asvs4, nist80053, controls, evidenceFields, references: [String]?
        var likelihood, impact: RiskFactors?
        var confidence: Confidence?
        var reach: ThreatReach?
        var samples: CatalogSamples?
        var location: SourceLocation?
        try reader.object { (reader, key) throws(PrecompiledJSON.Problem) in
            func text(_ current: String?) throws(PrecompiledJSON.Problem) -> String {
                try reader.once(current, key) { (reader) throws(PrecompiledJSON.Problem) in try reader.string() }
            }
            func list(_ current: [String]?) throws(PrecompiledJSON.Problem) -> [String] {
                try reader.once(current, key) { (reader) throws(PrecompiledJSON.Problem) in try reader.strings() }
            }
            switch key {
            case "id": id = try text(id)
            case "title": title = try text(title)
            case "scope": scope = try text(scope)
            case "when": when = try reader.once(when, key) { (reader) throws(PrecompiledJSON.Problem) in try Condition(&reader, at: path.child(key)) }
            case "whenText": whenText = try text(whenText)
            case "component":
                component = try reader.once(component, key) { (reader) throws(PrecompiledJSON.Problem) -> String? in
                    try reader.isNull() ? nil : reader.string()
                }
            case "stride":
                stride = try reader.once(stride, key) { (reader) throws(PrecompiledJSON.Problem) in
                    var letters: [STRIDE] = []
                    try reader.array { (reader) throws(PrecompiledJSON.Problem) in letters.append(try reader.raw()) }
                    return letters
                }
            case "cwe": cwe = try text(cwe)
            case "cweName": cweName = try text(cweName)
            case "owaspAPI2023": owaspAPI2023 = try list(owaspAPI2023)
            case "owasp2021": owasp2021 = try list(owasp2021)
            case "owasp2025": owasp2025 = try list(owasp2025)
            case "asvs5": asvs5 = try list(asvs5)
            case "asvs4": asvs4 = try list(asvs4)
            case "nist80053": nist80053 = try list(nist80053)
            case "likelihood": likelihood = try reader.once(likelihood, key) { (reader) throws(PrecompiledJSON.Problem) in try RiskFactors(&reader, at: path.child(key)) }
            case "impact": impact = try reader.once(impact, key) { (reader) throws(PrecompiledJSON.Problem) in try RiskFactors(&reader, at: path.child(key)) }
            case "severityOverride":
                severityOverride = try reader.once(severityOverride, key) { (reader) throws(PrecompiledJSON.Problem) -> Severity? in
                    try reader.isNull() ? nil : reader.raw()
                }
            case "confidence": confidence = try reader.once(confidence, key) { (reader) throws(PrecompiledJSON.Problem) in try reader.raw() }
            case "reach": reach = try reader.once(reach, key) { (reader) throws(PrecompiledJSON.Problem) in try reader.raw() }
            case "controls": controls = try list(controls)
            case "evidenceFields": evidenceFields = try list(evidenceFields)
            case "description": description = try text(description)
            case "impactText": impactText = try text(impactText)
            case "detection": detection = try text(detection)
            case "falsePositives": falsePositives = try text(falsePositives)
            case "mitigation": mitigation = try text(mitigation)
            case "validation": validation = try text(validation)
            case "references": references = try list(references)
            case "samples": samples = try reader.once(samples, key) { (reader) throws(PrecompiledJSON.Problem) in try CatalogSamples(&reader, at: path.child(key)) }
            case "location": location = try reader.once(location, key) { (reader) throws(PrecompiledJSON.Problem) in try SourceLocation(&reader, at: path.child(key)) }
            default: try reader.skipValue()
            }
        }
        self.init(
            id: try path.required(id, "id"), title: try path.required(title, "title"), scope: try path.required(scope, "scope"),
            when: try path.required(when, "when"), whenText: try path.required(whenText, "whenText"),
            component: component ?? nil, stride: try path.required(stride, "stride"),
            cwe: try path.required(cwe, "cwe"), cweName: try path.required(cweName, "cweName"),
            owaspAPI2023: try path.required(owaspAPI2023, "owaspAPI2023"), owasp2021: try path.required(owasp2021, "owasp2021"),
            owasp2025: try path.required(owasp2025, "owasp2025"), asvs5: try path.required(asvs5, "asvs5"),
            asvs4: try path.required(asvs4, "asvs4"), nist80053: try path.required(nist80053, "nist80053"),
            likelihood: try path.required(likelihood, "likelihood"), impact: try path.required(impact, "impact"),
            severityOverride: severityOverride ?? nil, confidence: try path.required(confidence, "confidence"),
            reach: try path.required(reach, "reach"), controls: try path.required(controls, "controls"),
            evidenceFields: try path.required(evidenceFields, "evidenceFields"),
            description: try path.required(description, "description"), impactText: try path.required(impactText, "impactText"),
            detection: try path.required(detection, "detection"), falsePositives: try path.required(falsePositives, "falsePositives"),
            mitigation: try path.required(mitigation, "mitigation"), validation: try path.required(validation, "validation"),
            references: try path.required(references, "references"), samples: try path.required(samples, "samples"),
            location: try path.required(location, "location")
        )
    }
}

extension CatalogOverride {
    init(_ reader: inout PrecompiledJSON, at path: PrecompiledJSONPath) throws(PrecompiledJSON.Problem) {
        var id: String?, severity: Severity??, disabled: Bool?, location: SourceLocation?
        try reader.object { (reader, key) throws(PrecompiledJSON.Problem) in
            switch key {
            case "id": id = try reader.once(id, key) { (reader) throws(PrecompiledJSON.Problem) in try reader.string() }
            case "severity":
                severity = try reader.once(severity, key) { (reader) throws(PrecompiledJSON.Problem) -> Severity? in
                    try reader.isNull() ? nil : reader.raw()
                }
            case "disabled": disabled = try reader.once(disabled, key) { (reader) throws(PrecompiledJSON.Problem) in try reader.bool() }
            case "location": location = try reader.once(location, key) { (reader) throws(PrecompiledJSON.Problem) in try SourceLocation(&reader, at: path.child(key)) }
            default: try reader.skipValue()
            }
        }
        self.init(id: try path.required(id, "id"), severity: severity ?? nil, disabled: try path.required(disabled, "disabled"),
                  location: try path.required(location, "location"))
    }
}

extension RiskFactors {
    init(_ reader: inout PrecompiledJSON, at path: PrecompiledJSONPath) throws(PrecompiledJSON.Problem) {
        var scores: [String: Int]?
        try reader.object { (reader, key) throws(PrecompiledJSON.Problem) in
            guard key == "scores" else { return try reader.skipValue() }
            scores = try reader.once(scores, key) { (reader) throws(PrecompiledJSON.Problem) in
                var values: [String: Int] = [:]
                try reader.object { (reader, factor) throws(PrecompiledJSON.Problem) in
                    guard values.updateValue(try reader.int(), forKey: factor) == nil else { throw reader.problem("duplicate key \(factor)") }
                }
                return values
            }
        }
        self.init(scores: try path.required(scores, "scores"))
    }
}

extension CatalogSamples {
    init(_ reader: inout PrecompiledJSON, at path: PrecompiledJSONPath) throws(PrecompiledJSON.Problem) {
        var trigger, noTrigger: [CatalogSample]?
        try reader.object { (reader, key) throws(PrecompiledJSON.Problem) in
            func samples(_ current: [CatalogSample]?) throws(PrecompiledJSON.Problem) -> [CatalogSample] {
                try reader.once(current, key) { (reader) throws(PrecompiledJSON.Problem) in
                    var list: [CatalogSample] = []
                    try reader.array { (reader) throws(PrecompiledJSON.Problem) in
                        list.append(try CatalogSample(&reader, at: path.child("\(key)[\(list.count)]")))
                    }
                    return list
                }
            }
            switch key {
            case "trigger": trigger = try samples(trigger)
            case "noTrigger": noTrigger = try samples(noTrigger)
            default: try reader.skipValue()
            }
        }
        self.init(trigger: try path.required(trigger, "trigger"), noTrigger: try path.required(noTrigger, "noTrigger"))
    }
}

extension CatalogSample {
    init(_ reader: inout PrecompiledJSON, at path: PrecompiledJSONPath) throws(PrecompiledJSON.Problem) {
        var model: String?, location: SourceLocation?
        try reader.object { (reader, key) throws(PrecompiledJSON.Problem) in
            switch key {
            case "model": model = try reader.once(model, key) { (reader) throws(PrecompiledJSON.Problem) in try reader.string() }
            case "location": location = try reader.once(location, key) { (reader) throws(PrecompiledJSON.Problem) in try SourceLocation(&reader, at: path.child(key)) }
            default: try reader.skipValue()
            }
        }
        self.init(model: try path.required(model, "model"), location: try path.required(location, "location"))
    }
}

extension SourceLocation {
    init(_ reader: inout PrecompiledJSON, at path: PrecompiledJSONPath) throws(PrecompiledJSON.Problem) {
        var file: String?, line: Int?, column: Int?
        try reader.object { (reader, key) throws(PrecompiledJSON.Problem) in
            switch key {
            case "file": file = try reader.once(file, key) { (reader) throws(PrecompiledJSON.Problem) in try reader.string() }
            case "line": line = try reader.once(line, key) { (reader) throws(PrecompiledJSON.Problem) in try reader.int() }
            case "column": column = try reader.once(column, key) { (reader) throws(PrecompiledJSON.Problem) in try reader.int() }
            default: try reader.skipValue()
            }
        }
        self.init(file: try path.required(file, "file"), line: try path.required(line, "line"), column: try path.required(column, "column"))
    }
}

/// `Codable`'s form of an enum with associated values: `{"case": {"_0": …, "_1": …}}`, or the
/// associated values' labels where they have them. Exactly one case key.
extension Condition {
    init(_ reader: inout PrecompiledJSON, at path: PrecompiledJSONPath) throws(PrecompiledJSON.Problem) {
        var result: Condition?
        try reader.object { (reader, name) throws(PrecompiledJSON.Problem) in
            guard result == nil else { throw reader.problem("\(path.path): one case expected") }
            var first, second: Condition?, left, right: Operand?, comparison: ComparisonOperator?
            try reader.object { (reader, key) throws(PrecompiledJSON.Problem) in
                switch (name, key) {
                case ("and", "_0"), ("or", "_0"), ("not", "_0"):
                    first = try reader.once(first, key) { (reader) throws(PrecompiledJSON.Problem) in try Condition(&reader, at: path) }
                case ("and", "_1"), ("or", "_1"):
                    second = try reader.once(second, key) { (reader) throws(PrecompiledJSON.Problem) in try Condition(&reader, at: path) }
                case ("compare", "_0"), ("truthy", "_0"):
                    left = try reader.once(left, key) { (reader) throws(PrecompiledJSON.Problem) in try Operand(&reader, at: path) }
                case ("compare", "_1"):
                    comparison = try reader.once(comparison, key) { (reader) throws(PrecompiledJSON.Problem) in try reader.raw() }
                case ("compare", "_2"):
                    right = try reader.once(right, key) { (reader) throws(PrecompiledJSON.Problem) in try Operand(&reader, at: path) }
                default: try reader.skipValue()
                }
            }
            switch name {
            case "and": result = .and(try path.required(first, "_0"), try path.required(second, "_1"))
            case "or": result = .or(try path.required(first, "_0"), try path.required(second, "_1"))
            case "not": result = .not(try path.required(first, "_0"))
            case "compare": result = .compare(try path.required(left, "_0"), try path.required(comparison, "_1"), try path.required(right, "_2"))
            case "truthy": result = .truthy(try path.required(left, "_0"))
            default: throw path.unknown("condition", name)
            }
        }
        self = try path.required(result, "a condition case")
    }
}

extension Operand {
    init(_ reader: inout PrecompiledJSON, at path: PrecompiledJSONPath) throws(PrecompiledJSON.Problem) {
        var result: Operand?
        try reader.object { (reader, name) throws(PrecompiledJSON.Problem) in
            guard result == nil else { throw reader.problem("\(path.path): one case expected") }
            var scope: String??, field, text: String?, offset, number: Int?, flag: Bool?, list: [String]?, inner: Operand?
            try reader.object { (reader, key) throws(PrecompiledJSON.Problem) in
                switch (name, key) {
                case ("fact", "scope"):
                    scope = try reader.once(scope, key) { (reader) throws(PrecompiledJSON.Problem) -> String? in try reader.isNull() ? nil : reader.string() }
                case ("fact", "field"): field = try reader.once(field, key) { (reader) throws(PrecompiledJSON.Problem) in try reader.string() }
                case ("fact", "offset"): offset = try reader.once(offset, key) { (reader) throws(PrecompiledJSON.Problem) in try reader.int() }
                case ("string", "_0"): text = try reader.once(text, key) { (reader) throws(PrecompiledJSON.Problem) in try reader.string() }
                case ("int", "_0"): number = try reader.once(number, key) { (reader) throws(PrecompiledJSON.Problem) in try reader.int() }
                case ("bool", "_0"): flag = try reader.once(flag, key) { (reader) throws(PrecompiledJSON.Problem) in try reader.bool() }
                case ("list", "_0"): list = try reader.once(list, key) { (reader) throws(PrecompiledJSON.Problem) in try reader.strings() }
                case ("count", "_0"), ("known", "_0"):
                    inner = try reader.once(inner, key) { (reader) throws(PrecompiledJSON.Problem) in try Operand(&reader, at: path) }
                default: try reader.skipValue()
                }
            }
            switch name {
            case "fact": result = .fact(scope: scope ?? nil, field: try path.required(field, "field"), offset: try path.required(offset, "offset"))
            case "string": result = .string(try path.required(text, "_0"))
            case "int": result = .int(try path.required(number, "_0"))
            case "bool": result = .bool(try path.required(flag, "_0"))
            case "list": result = .list(try path.required(list, "_0"))
            case "count": result = .count(try path.required(inner, "_0"))
            case "known": result = .known(try path.required(inner, "_0"))
            default: throw path.unknown("operand", name)
            }
        }
        self = try path.required(result, "an operand case")
    }
}
