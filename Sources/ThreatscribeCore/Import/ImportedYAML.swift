import Yams

/// Reads the YAML or JSON documents of an imported artifact (an OpenAPI document, Kubernetes
/// manifests, a CycloneDX JSON SBOM) into located trees, with the same limits as a model file
/// (size, nesting, alias expansion: ``YAMLPrescan``).
enum ImportedYAML {
    static func documents(_ text: String, file: String) throws(DiagnosticList) -> [LocatedNode] {
        let prescanned = YAMLPrescan.problems(in: text, file: file, what: "file")
        if !prescanned.isEmpty { throw DiagnosticList(prescanned) }
        var nodes: [LocatedNode] = []
        var problems: [Diagnostic] = []
        do {
            for node in try Yams.compose_all(yaml: text) {
                nodes.append(LocatedTreeBuilder(file: file).build(node, problems: &problems))
            }
        } catch let error as YamlError {
            throw DiagnosticList([YAMLErrorTranslation.diagnostic(for: error, text: text, file: file)])
        } catch {
            throw DiagnosticList([Diagnostic(.error, "cannot read the file: \(error)", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return nodes
    }
}

extension LocatedNode {
    /// The text of a scalar value under `key`, if there is one.
    func text(_ key: String) -> String? {
        guard let scalar = self[key]?.scalarValue, scalar.kind != .null else { return nil }
        return scalar.text
    }

    /// The Boolean under `key`, if it is one.
    func flag(_ key: String) -> Bool? {
        guard let scalar = self[key]?.scalarValue, scalar.kind == .bool else { return nil }
        return ["true", "yes", "on", "y"].contains(scalar.text.lowercased())
    }
}
