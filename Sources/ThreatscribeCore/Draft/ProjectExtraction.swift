import Foundation

/// What the bundled Python extractor (`Extractors/python_project.py`) found in a project: the
/// drafted model and what `init` tells the user about it.
public struct ProjectExtraction: Sendable, Equatable {
    /// The drafted model.
    public var model: DraftNode
    /// Counts by kind: `apps`, `middleware`, `routers`, `endpoints`, `websockets`, `python_files`.
    public var counts: [String: Int]
    /// Middleware of each app in execution order (outermost first), by class name.
    public var middlewareOrder: [(app: String, order: [String])]
    /// Auth mechanism ids the endpoints use.
    public var auth: [String]
    /// Values the extractor could not resolve, each `file:line: what = expression`.
    public var unresolved: [String]
    /// What a human must still state.
    public var questions: [String]
    /// Files not read (too large, not parsable, over the limits).
    public var skipped: [String]

    public static func == (lhs: ProjectExtraction, rhs: ProjectExtraction) -> Bool {
        lhs.model == rhs.model && lhs.counts == rhs.counts && lhs.auth == rhs.auth && lhs.unresolved == rhs.unresolved
            && lhs.questions == rhs.questions && lhs.skipped == rhs.skipped
            && lhs.middlewareOrder.map { [$0.app] + $0.order } == rhs.middlewareOrder.map { [$0.app] + $0.order }
    }

    /// The Python extractor's text, embedded in the binary like the templates and catalog.
    public static var extractorScript: String {
        EmbeddedResources.files["Extractors/python_project.py"] ?? ""
    }

    /// Decodes the extractor's JSON output.
    ///
    /// - Throws: `DraftDecodingError` when the output is not the extractor's format.
    public static func decode(_ data: Data) throws -> ProjectExtraction {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let model = root["model"] else {
            throw DraftDecodingError(message: "the extractor's output is not a JSON object with a model")
        }
        let summary = root["summary"] as? [String: Any] ?? [:]
        var counts: [String: Int] = [:]
        for (key, value) in summary { if let number = value as? Int { counts[key] = number } }
        let order = (summary["middleware_order"] as? [[String: Any]] ?? []).map { entry in
            (app: entry["app"] as? String ?? "app", order: entry["order"] as? [String] ?? [])
        }
        return ProjectExtraction(
            model: try DraftNode(json: model, depth: 0),
            counts: counts,
            middlewareOrder: order,
            auth: summary["auth"] as? [String] ?? [],
            unresolved: root["unresolved"] as? [String] ?? [],
            questions: root["questions"] as? [String] ?? [],
            skipped: root["skipped"] as? [String] ?? []
        )
    }
}

/// The extractor's output does not have the expected shape.
public struct DraftDecodingError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension DraftNode {
    /// The deepest nesting accepted from the extractor.
    static let maximumDepth = 64

    /// Decodes `{"map": [[key, node] | {"note": text}, ...]}`, `{"seq": [...]}`, `{"str": s}`,
    /// `{"int": n}`, `{"bool": b}` or `{"null": true}`, each with optional `"c"` and `"notes"`.
    init(json: Any, depth: Int) throws {
        guard depth < Self.maximumDepth, let object = json as? [String: Any] else {
            throw DraftDecodingError(message: "a node of the extractor's output is not an object (or nests too deep)")
        }
        let value: Value
        if let members = object["map"] as? [Any] {
            value = .mapping(try members.map { member in
                if let pair = member as? [Any], pair.count == 2, let key = pair[0] as? String {
                    return .pair(key: key, value: try DraftNode(json: pair[1], depth: depth + 1))
                }
                if let note = (member as? [String: Any])?["note"] as? String { return .note(note) }
                throw DraftDecodingError(message: "a mapping member of the extractor's output is malformed")
            })
        } else if let items = object["seq"] as? [Any] {
            value = .sequence(try items.map { try DraftNode(json: $0, depth: depth + 1) })
        } else if let text = object["str"] as? String {
            value = .string(text)
        } else if let flag = object["bool"] as? Bool {
            value = .boolean(flag)
        } else if let number = object["int"] as? Int {
            value = .integer(number)
        } else if object["null"] != nil {
            value = .null
        } else {
            throw DraftDecodingError(message: "a node of the extractor's output has no value")
        }
        self.init(value, comment: object["c"] as? String, notes: object["notes"] as? [String] ?? [])
    }
}
