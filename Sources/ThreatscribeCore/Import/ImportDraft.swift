/// What `threatscribe import` produces from one artifact: the drafted model and what a reader
/// should still state (questions, not guesses), printed as the summary.
public struct ImportDraft: Sendable {
    /// The artifact kind, e.g. "OpenAPI 3.1.0 document".
    public var kind: String
    /// The model as a draft tree; `DraftYAMLWriter` writes it.
    public var model: DraftNode
    /// What was found, one line each (`20 operations`).
    public var found: [String]
    /// What the artifact cannot say and a person should state.
    public var questions: [String]

    /// The YAML text of the drafted model, with a header naming its source.
    public func yaml(from file: String) -> String {
        DraftYAMLWriter.yaml(of: model, header: [
            "Drafted by `threatscribe import` from \(file) (\(kind)).",
            "Every value cites its place in that file; review it before relying on the report.",
        ])
    }
}

/// Helpers shared by the importers' translations into drafts.
enum DraftSource {
    /// A `source:` value for a place in the imported file: `file:line`.
    static func reference(_ location: SourceLocation) -> DraftNode {
        .string(location.line > 0 ? "\(location.file):\(location.line)" : location.file)
    }

    /// The last component of `path`, to name a system after its artifact.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The top of every drafted model: `threatscribe: 1` and `system`.
    static func root(systemName: String, at location: SourceLocation, description: String? = nil) -> DraftNode {
        var system = DraftNode.mapping([("name", .string(systemName))])
        if let description { system.append("description", .string(description)) }
        system.append("source", reference(location))
        return .mapping([("threatscribe", .integer(1)), ("system", system)])
    }

    /// An id usable in the model made of `name`: lower-case letters, digits and `-`, never `api` or `none`.
    static func identifier(_ name: String, fallback: String) -> String {
        var id = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { id.unicodeScalars.append(scalar) }
            else if !id.isEmpty, !id.hasSuffix("-") { id += "-" }
        }
        while id.hasSuffix("-") { id.removeLast() }
        if id.count > 60 { id = String(id.prefix(60)) }
        if id.isEmpty || id == "api" || id == "none" { return fallback }
        return id
    }

    /// `base`, or `base-2`, `base-3`… when `used` already has it; records the result in `used`.
    static func unique(_ base: String, in used: inout Set<String>) -> String {
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
