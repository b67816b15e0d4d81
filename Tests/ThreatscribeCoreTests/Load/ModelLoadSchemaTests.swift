import Foundation
import Testing
@testable import ThreatscribeCore

/// The schema agrees with the Swift model types, and the generated files agree with the schema.
@Suite struct ModelLoadSchemaTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func maximalModelLoadsAndReencodesWithoutLosingKeys() throws {
        let schema = ModelSchema.current
        let text = MaximalModel.tree(schema).text(pretty: true)
        let loaded = try #require(loadModel(text, file: "maximal.json"))
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(loaded.base))
        var expected: Set<String> = []
        Self.expectedPaths(MaximalModel.tree(schema), as: .object(schema.rootName), schema: schema, at: "", into: &expected)
        var actual: Set<String> = []
        Self.encodedPaths(encoded, at: "", into: &actual)
        #expect(expected.subtracting(actual).sorted() == [], "keys lost by decoding and encoding")
        #expect(actual.subtracting(expected).sorted() == [], "keys the schema does not describe")
    }

    @Test func everySwiftPropertyHasAKeyAndEveryKeyAProperty() throws {
        let schema = ModelSchema.current
        let loaded = try #require(loadModel(MaximalModel.tree(schema).text(pretty: false), file: "maximal.json"))
        var visited: Set<String> = []
        Self.compareProperties(of: loaded.base, schema: schema, visited: &visited)
        #expect(visited == Set(schema.objects.map(\.name)))
    }

    @Test func everyObjectDeclaresEachKeyOnce() {
        for object in ModelSchema.current.objects {
            #expect(Set(object.properties.map(\.key)).count == object.properties.count, "\(object.name) declares a key twice")
        }
        #expect(Set(ModelSchema.current.objects.map(\.name)).count == ModelSchema.current.objects.count)
    }

    @Test func enumerationsListTheSwiftCases() {
        let enumerations = ModelSchema.current.objects.flatMap(\.properties).compactMap { property -> EnumSchema? in
            if case .enumeration(let enumeration) = property.type { return enumeration }
            return nil
        }
        let middleware = enumerations.first { $0.name == "MiddlewareType" }
        #expect(middleware?.cases == MiddlewareType.allCases.map(\.rawValue))
        #expect(enumerations.allSatisfy { !$0.cases.isEmpty })
    }

    @Test func everyNullableKeyIsRestoredAfterDecoding() {
        var nullable: Set<String> = []
        for object in ModelSchema.current.objects {
            for property in object.properties where property.type == .nullableString {
                nullable.insert("\(object.name).\(property.key)")
            }
        }
        #expect(nullable == ModelDecoding.restoredNullableKeys)
    }

    @Test func maximalOverrideDisablesDocs() throws {
        let loaded = try #require(loadModel(MaximalModel.tree().text(pretty: false), file: "maximal.json"))
        #expect(loaded.base.app?.docsUrl == .value("/docs_url"))
        #expect(loaded.environments.first?.model.app?.docsUrl == .disabled)
        #expect(loaded.environments.first?.model.app?.debug == false)
    }

    @Test func committedJSONSchemaIsCurrent() throws {
        let url = Self.repository.appendingPathComponent("docs/threatscribe.schema.json")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == JSONSchemaDocument.text(), "docs/threatscribe.schema.json is stale; run `swift run threatscribe schema > docs/threatscribe.schema.json`")
    }

    @Test func jsonSchemaIsDeterministicJSONWithClosedObjects() throws {
        let text = JSONSchemaDocument.text()
        #expect(text == JSONSchemaDocument.text())
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(json["$id"] as? String == JSONSchemaDocument.identifier)
        #expect(json["additionalProperties"] as? Bool == false)
        #expect(json["required"] as? [String] == ["system"])
        let definitions = try #require(json["$defs"] as? [String: [String: Any]])
        // Each object and its override form, less the root's plain form, plus `Unresolved`.
        #expect(definitions.count == 2 * ModelSchema.current.objects.count - 1 + 1)
        #expect(definitions[JSONSchemaDocument.unresolvedName]?["required"] as? [String] == ["unresolved"])
        #expect(definitions.values.allSatisfy { $0["additionalProperties"] as? Bool == false })
        let middleware = try #require(definitions["Middleware"]?["properties"] as? [String: [String: Any]])
        #expect(middleware["type"]?["enum"] as? [String] == MiddlewareType.allCases.map(\.rawValue))
        #expect(middleware["allow_origins"]?["description"] as? String == "CORS: allowed origins; `*` allows any.")
        let originForms = try #require(middleware["allow_origins"]?["anyOf"] as? [[String: Any]])
        #expect(originForms.map { $0["$ref"] as? String } == [nil, "#/$defs/Unresolved"])
        #expect(middleware["type"]?["anyOf"] == nil, "`type` may not be left unresolved")
    }

    @Test func committedReferenceInModelDocIsCurrent() throws {
        let url = Self.repository.appendingPathComponent("docs/model.md")
        let document = try String(contentsOf: url, encoding: .utf8)
        let begin = try #require(document.range(of: ModelReference.beginMarker), "docs/model.md lacks the begin marker")
        let end = try #require(document.range(of: ModelReference.endMarker), "docs/model.md lacks the end marker")
        let section = document[begin.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(section == ModelReference.markdown().trimmingCharacters(in: .whitespacesAndNewlines),
                "docs/model.md's reference is stale; replace the section between the markers with `swift run threatscribe schema --reference`")
    }

    // MARK: - Walking both sides

    /// Camel-cased key paths the maximal file sets (free map keys and `overrides` contents as written).
    static func expectedPaths(_ tree: JSONTree, as type: ValueType, schema: ModelSchema, at path: String, into paths: inout Set<String>) {
        switch (tree, type) {
        case (.object(let members), .object(let name)):
            let object = schema.object(named: name)!
            for (key, value) in members {
                let property = object.property(key)!
                let child = path + "." + property.swiftName
                paths.insert(child)
                expectedPaths(value, as: property.type, schema: schema, at: child, into: &paths)
            }
        case (.object(let members), .map(let inner)):
            for (key, value) in members {
                paths.insert(path + "." + key)
                expectedPaths(value, as: inner, schema: schema, at: path + "." + key, into: &paths)
            }
        case (.object(let members), .overrides):
            for (key, value) in members {
                paths.insert(path + "." + key)
                expectedPaths(value, as: .map(.string), schema: schema, at: path + "." + key, into: &paths)
            }
        case (.array(let items), .list(let inner)):
            for item in items { expectedPaths(item, as: inner, schema: schema, at: path + "[]", into: &paths) }
        default:
            return
        }
    }

    static func encodedPaths(_ value: Any, at path: String, into paths: inout Set<String>) {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                paths.insert(path + "." + key)
                encodedPaths(child, at: path + "." + key, into: &paths)
            }
        } else if let array = value as? [Any] {
            for item in array { encodedPaths(item, at: path + "[]", into: &paths) }
        }
    }

    /// Compares each model struct's stored properties with its schema object, recursively.
    static func compareProperties(of value: Any, schema: ModelSchema, visited: inout Set<String>, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional, .collection:
            for child in mirror.children { compareProperties(of: child.value, schema: schema, visited: &visited) }
            return
        case .struct:
            let name = String(describing: mirror.subjectType)
            guard let object = schema.object(named: name) else { return }
            visited.insert(name)
            let swiftNames = mirror.children.compactMap(\.label).filter {
                name != "ArchitectureModel" || !ArchitectureModel.loaderFilledProperties.contains($0)
            }
            #expect(swiftNames == object.properties.map(\.swiftName), "\(name): Swift properties and schema keys differ (same order expected)")
            for child in mirror.children { compareProperties(of: child.value, schema: schema, visited: &visited) }
        default:
            return
        }
    }
}
