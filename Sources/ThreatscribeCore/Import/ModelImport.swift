import Foundation

/// `threatscribe import`: recognises one artifact by its content and drafts a model from it.
///
/// XML (a Microsoft Threat Modeling Tool `.tm7`, a draw.io diagram, a CycloneDX SBOM) is read by
/// ``HardenedXMLReader``; YAML and JSON (OpenAPI 3, a CycloneDX JSON SBOM, Kubernetes manifests,
/// Helm values) by the same YAML reader as models. Nothing is fetched: references in the artifact
/// (schemas, DTDs, `$ref` to other files) are not followed.
public enum ModelImport {
    /// The draft of the artifact `bytes`, named `file` in diagnostics and `source:` values.
    public static func draft(_ bytes: [UInt8], file: String) throws(DiagnosticList) -> ImportDraft {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let content = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if content.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "<") {
            let root = try HardenedXMLReader.read(bytes, file: file)
            switch root.name {
            case "ThreatModel": return try TM7Draft.draft(TM7Model.read(root, file: file), file: file)
            case "mxfile", "mxGraphModel": return try DrawIODraft.draft(DrawIODiagram.read(root, file: file), file: file)
            case "bom" where root.namespace?.hasPrefix("http://cyclonedx.org/schema/bom/") ?? false:
                return CycloneDXDraft.draft(CycloneDXBOM.read(xml: root, file: file), file: file)
            default:
                throw DiagnosticList([Diagnostic(.error, "an XML document with root element <\(root.name)> is none of the artifacts threatscribe imports (a Threat Modeling Tool .tm7, a draw.io diagram, a CycloneDX SBOM)", at: SourceLocation(file: file, line: root.line, column: 1))])
            }
        }
        guard let text = String(bytes: content, encoding: .utf8) else {
            throw DiagnosticList([Diagnostic(.error, "\(file) is neither XML nor UTF-8 text", at: start)])
        }
        let documents = try ImportedYAML.documents(text, file: file).filter { !$0.isNull }
        guard let first = documents.first else { throw DiagnosticList([Diagnostic(.error, "the file is empty", at: start)]) }
        if let description = try OpenAPIDescription.read(first) { return OpenAPIDraft.draft(description, file: file) }
        if first.text("bomFormat") == "CycloneDX" { return CycloneDXDraft.draft(CycloneDXBOM.read(json: first, file: file), file: file) }
        if documents.contains(where: { $0.text("apiVersion") != nil && $0.text("kind") != nil }) || first["items"] != nil && first.text("kind") == "List" {
            return KubernetesDraft.draft(KubernetesWorkload.read(manifests: documents, file: file), file: file)
        }
        if documents.count == 1, HelmValues.looksLikeValues(first) {
            return KubernetesDraft.draft(HelmValues.read(first, file: file), file: file)
        }
        throw DiagnosticList([Diagnostic(.error, "this YAML/JSON is none of the artifacts threatscribe imports (OpenAPI 3, a CycloneDX SBOM, Kubernetes manifests, Helm values)", at: first.location)])
    }
}
