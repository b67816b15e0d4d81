import CYaml

/// Reads YAML text as a stream of libyaml events, before Yams builds a tree, and reports what
/// threatscribe refuses to read: input over the size limit, nesting deeper than the depth limit,
/// aliases that expand to more nodes than the alias budget (a "billion laughs" alias bomb),
/// collection keys, and every duplicated key with its place.
///
/// Streaming keeps this pass flat: it neither recurses nor expands an alias, so it is safe on the
/// very input it guards against. Syntax errors it meets are reported like Yams reports them.
enum YAMLPrescan {
    /// The bounds one file is read within.
    struct Limits: Sendable {
        /// The largest file, in bytes.
        var maxBytes = 8 * 1024 * 1024
        /// The deepest nesting of sequences and mappings.
        var maxDepth = 256
        /// The most nodes all aliases together may add when expanded.
        var maxAliasNodes = 100_000

        static let standard = Limits()
    }

    /// The problems of `text` (named `file`, a `what` such as "model" in messages); empty when Yams
    /// may compose it.
    static func problems(in text: String, file: String, what: String, limits: Limits = .standard) -> [Diagnostic] {
        walk(text, file: file, what: what, limits: limits, building: false).problems
    }

    /// The problems of `text` and, in the same pass, the located tree of its first document as
    /// `Yams.compose` and `LocatedTreeBuilder` build it (meaningful only when there are no problems).
    static func read(_ text: String, file: String, what: String, limits: Limits = .standard) -> (problems: [Diagnostic], tree: LocatedTreeAssembly) {
        let walk = walk(text, file: file, what: what, limits: limits, building: true)
        return (walk.problems, walk.tree ?? LocatedTreeAssembly(file: file, text: text))
    }

    private static func walk(_ text: String, file: String, what: String, limits: Limits, building: Bool) -> EventWalk {
        var walk = EventWalk(file: file, text: text, limits: limits, building: building)
        let size = text.utf8.count
        if size > limits.maxBytes {
            let start = SourceLocation(file: file, line: 1, column: 1)
            walk.problems = [Diagnostic(.error, "the \(what) is \(size) bytes, more than the \(limits.maxBytes / 1024 / 1024) MiB threatscribe reads", at: start)]
            return walk
        }
        var text = text
        text.withUTF8 { walk.run($0) }
        return walk
    }
}

/// One pass over the libyaml events of a document stream.
private struct EventWalk {
    let file: String
    let text: String
    let limits: YAMLPrescan.Limits
    var problems: [Diagnostic] = []
    /// The tree being built, when building.
    private(set) var tree: LocatedTreeAssembly?

    /// An open sequence or mapping.
    private struct Frame {
        var isMapping: Bool
        var anchor: String?
        /// Nodes in this collection so far, itself included, aliases expanded.
        var size = 1
        /// In a mapping: the next node is a key.
        var expectsKey = true
        /// In a mapping: each key's text and where it was first set, in order while there are few.
        var firstKeys: [(text: String, location: SourceLocation)] = []
        /// In a mapping with many keys: all of them by text.
        var keyIndex: [String: SourceLocation]?

        /// Where `key` was first set, or `nil` after recording it as set at `location`.
        mutating func firstLocation(of key: String, recording location: SourceLocation) -> SourceLocation? {
            if let keyIndex {
                if let first = keyIndex[key] { return first }
                self.keyIndex![key] = location
                return nil
            }
            if let first = firstKeys.first(where: { $0.text == key }) { return first.location }
            firstKeys.append((key, location))
            if firstKeys.count > 16 {
                keyIndex = Dictionary(firstKeys.map { ($0.text, $0.location) }, uniquingKeysWith: { first, _ in first })
                firstKeys = []
            }
            return nil
        }
    }

    /// What an anchor stands for: its expanded size, and its text when it is a scalar.
    private struct Anchored {
        var size: Int
        var scalarText: String?
    }

    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var aliasNodes = 0

    init(file: String, text: String, limits: YAMLPrescan.Limits, building: Bool) {
        self.file = file
        self.text = text
        self.limits = limits
        self.tree = building ? LocatedTreeAssembly(file: file, text: text) : nil
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                problems.append(syntaxProblem(parser))
                return
            }
            defer { yaml_event_delete(&event) }
            let type = event.type
            if type == YAML_STREAM_END_EVENT { return }
            guard handle(event) else { return }
        }
    }

    /// Handles one event; `false` stops the walk (a bound is exceeded).
    private mutating func handle(_ event: yaml_event_t) -> Bool {
        let at = location(event.start_mark)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            let anchor = Self.string(scalar.anchor)
            if let anchor { anchors[anchor] = Anchored(size: 1, scalarText: value) }
            add(size: 1, keyText: value, at: at)
            tree?.scalar(event, text: value, at: at)
        case YAML_ALIAS_EVENT:
            guard let name = Self.string(event.data.alias.anchor), let anchored = anchors[name] else {
                add(size: 1, keyText: nil, at: at)  // Yams reports the undefined alias.
                tree?.alias(event, at: at)
                return true
            }
            aliasNodes += anchored.size
            if aliasNodes > limits.maxAliasNodes {
                problems.append(Diagnostic(.error, "aliases here expand to more than \(limits.maxAliasNodes) nodes; "
                    + "threatscribe refuses to expand them (an alias bomb?); write the values out instead", at: at))
                return false
            }
            if anchored.scalarText == nil, stack.last.map({ $0.isMapping && $0.expectsKey }) == true {
                problems.append(Diagnostic(.error, "mapping keys must be plain text", at: at))
                add(size: anchored.size, keyText: nil, at: at)
            } else {
                add(size: anchored.size, keyText: anchored.scalarText, at: at)
            }
            tree?.alias(event, at: at)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            if stack.last.map({ $0.isMapping && $0.expectsKey }) == true {
                problems.append(Diagnostic(.error, "mapping keys must be plain text", at: at))
            }
            if stack.count >= limits.maxDepth {
                problems.append(Diagnostic(.error, "nesting is deeper than \(limits.maxDepth) levels; threatscribe refuses to read it", at: at))
                return false
            }
            let anchor = Self.string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
            stack.append(Frame(isMapping: isMapping, anchor: anchor))
            tree?.start(event, isMapping: isMapping, at: at)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return true }
            if let anchor = frame.anchor { anchors[anchor] = Anchored(size: frame.size, scalarText: nil) }
            add(size: frame.size, keyText: nil, at: at)
            tree?.end()
        case YAML_DOCUMENT_START_EVENT:
            tree?.documentStart(event)
        default:
            break
        }
        return true
    }

    /// Counts a finished node into its parent; a mapping key is checked against the keys before it.
    private mutating func add(size: Int, keyText: String?, at location: SourceLocation) {
        guard var parent = stack.popLast() else { return }
        parent.size += size
        if parent.isMapping {
            if parent.expectsKey, let keyText, let first = parent.firstLocation(of: keyText, recording: location) {
                problems.append(Diagnostic(.error, "duplicate key `\(DiagnosticText.excerpt(keyText))`; it is already set at line \(first.line)", at: location))
            }
            parent.expectsKey.toggle()
        }
        stack.append(parent)
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
    }

    /// A libyaml error as Yams would report it, with reader errors placed by their byte offset.
    private func syntaxProblem(_ parser: yaml_parser_t) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "cannot read the YAML"
        let context = parser.context.map {
            (text: String(cString: $0), line: parser.context_mark.line + 1, column: parser.context_mark.column + 1)
        }
        if parser.error == YAML_READER_ERROR {
            return Diagnostic(.error, problem, at: SourceLines.location(ofByteOffset: parser.problem_offset, in: text, file: file))
        }
        return YAMLErrorTranslation.syntaxDiagnostic(
            problem: problem, context: context, line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1,
            text: text, file: file
        )
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
