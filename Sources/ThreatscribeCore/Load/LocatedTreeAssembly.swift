import CYaml
import Yams

/// Builds the located tree of a stream's first document from the libyaml events `YAMLPrescan` checks,
/// in the same pass, exactly as `Yams.compose(yaml:_:)` followed by `LocatedTreeBuilder` would build it.
///
/// Like Yams's composer: an alias stands for a copy of the node its anchor last named (locations
/// included), an anchor is registered when its node is complete, and the first alias to an anchor not
/// registered yet, or a second document, is an error (`composerError`, thrown only when the checks
/// found nothing). Copies share storage, so an alias costs no memory; the prescan bounds the nodes
/// they expand to.
struct LocatedTreeAssembly {
    let file: String
    /// The first document's root; `nil` for an empty stream.
    private(set) var root: LocatedNode?
    /// What Yams's composer would throw first, if anything, as `YAMLErrorTranslation` words it.
    private(set) var composerError: Diagnostic?

    /// An open collection of the first document.
    private struct Open {
        var isMapping: Bool
        var location: SourceLocation
        var anchor: String?
        var items: [LocatedNode] = []
        var entries: [LocatedEntry] = []
        /// In a mapping: the key read, waiting for its value.
        var key: (text: String, location: SourceLocation)?
        /// In a mapping: the key read was a collection, left out with its value.
        var skipsValue = false
    }

    private var open: [Open] = []
    private var anchors: [String: LocatedNode] = [:]
    private var documents = 0
    private let text: String

    init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    /// Whether events belong to the first document (later documents are only checked).
    private var building: Bool { documents == 1 }

    mutating func documentStart(_ event: yaml_event_t) {
        documents += 1
        if documents == 2, composerError == nil {
            composerError = YAMLErrorTranslation.syntaxDiagnostic(
                problem: "but found another document", context: (text: "expected a single document in the stream", line: 1, column: 1),
                line: event.start_mark.line + 1, column: event.start_mark.column + 1, text: self.text, file: file
            )
        }
    }

    mutating func scalar(_ event: yaml_event_t, text: String, at location: SourceLocation) {
        guard building else { return }
        let data = event.data.scalar
        let written: Tag.Name = data.quoted_implicit == 1 ? .str : Tag.Name(rawValue: Self.string(data.tag) ?? "")
        let style: LocatedScalar.Style = switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
        let node = LocatedNode.scalar(LocatedScalar(text: text, kind: LocatedTreeBuilder.kind(text: text, written: written, style: Node.Scalar.Style(rawValue: numericCast(data.style.rawValue)) ?? .any), style: style, location: location))
        if let anchor = Self.string(data.anchor) { anchors[anchor] = node }
        add(node)
    }

    mutating func alias(_ event: yaml_event_t, at location: SourceLocation) {
        guard building else { return }
        if let name = Self.string(event.data.alias.anchor), let node = anchors[name] {
            add(node)
            return
        }
        if composerError == nil {
            composerError = YAMLErrorTranslation.syntaxDiagnostic(
                problem: "found undefined alias", context: nil, line: location.line, column: location.column, text: self.text, file: file
            )
        }
        add(.scalar(LocatedScalar(text: "", kind: .null, style: .plain, location: location)))
    }

    mutating func start(_ event: yaml_event_t, isMapping: Bool, at location: SourceLocation) {
        guard building else { return }
        let anchor = Self.string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
        open.append(Open(isMapping: isMapping, location: location, anchor: anchor))
    }

    mutating func end() {
        guard building, let closed = open.popLast() else { return }
        let node: LocatedNode = closed.isMapping ? .mapping(closed.entries, at: closed.location) : .sequence(closed.items, at: closed.location)
        if let anchor = closed.anchor { anchors[anchor] = node }
        add(node)
    }

    /// Puts a finished node into the open collection, or makes it the root.
    private mutating func add(_ node: LocatedNode) {
        guard let last = open.indices.last else {
            root = node
            return
        }
        guard open[last].isMapping else {
            open[last].items.append(node)
            return
        }
        if let key = open[last].key {
            open[last].entries.append(LocatedEntry(key: key.text, keyLocation: key.location, value: node))
            open[last].key = nil
        } else if open[last].skipsValue {
            open[last].skipsValue = false
        } else if case .scalar(let scalar) = node {
            open[last].key = (scalar.text, scalar.location)
        } else {
            // A collection key: the prescan reports it; like `LocatedTreeBuilder`, the entry is left out.
            open[last].skipsValue = true
        }
    }

    /// A tag or anchor as Yams reads it.
    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String.decodeCString(pointer, as: UTF8.self, repairingInvalidCodeUnits: true)?.result
    }
}
