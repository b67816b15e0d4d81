import Yams

extension LocatedNode {
    /// Parses YAML (JSON is YAML too) into a located tree.
    ///
    /// Syntax errors, tab indentation and duplicate keys become diagnostics at their place, and so
    /// does input beyond ``YAMLPrescan/Limits`` (size, nesting depth, alias expansion), which is
    /// refused in the same pass over the YAML reader's events that builds the tree. An empty document is an error: a model needs at least `system`.
    public static func parse(_ text: String, file: String) throws(DiagnosticList) -> LocatedNode {
        let (problems, tree) = YAMLPrescan.read(text, file: file, what: "model")
        if !problems.isEmpty { throw DiagnosticList(problems) }
        if let composerError = tree.composerError { throw DiagnosticList([composerError]) }
        guard let root = tree.root else {
            throw DiagnosticList([Diagnostic(.error, "the model is empty", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        return root
    }
}

/// Turns a Yams `Node` into a `LocatedNode`.
struct LocatedTreeBuilder {
    let file: String

    func build(_ node: Node, problems: inout [Diagnostic]) -> LocatedNode {
        switch node {
        case .scalar(let scalar):
            return .scalar(located(scalar))
        case .sequence(let sequence):
            return .sequence(sequence.map { build($0, problems: &problems) }, at: location(of: node))
        case .mapping(let mapping):
            var entries: [LocatedEntry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    problems.append(Diagnostic(.error, "mapping keys must be plain text", at: location(of: key)))
                    continue
                }
                entries.append(LocatedEntry(key: keyScalar.string, keyLocation: location(of: key), value: build(value, problems: &problems)))
            }
            return .mapping(entries, at: location(of: node))
        case .alias(let alias):
            return .scalar(LocatedScalar(text: alias.anchor.rawValue, kind: .string, style: .plain, location: location(of: node)))
        }
    }

    private func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    private func located(_ scalar: Node.Scalar) -> LocatedScalar {
        LocatedScalar(
            text: scalar.string,
            kind: Self.kind(of: scalar),
            style: Self.style(of: scalar),
            location: SourceLocation(file: file, line: scalar.mark?.line ?? 1, column: scalar.mark?.column ?? 1)
        )
    }

    /// The kind of a scalar composed with `Resolver.basic`: its tag as written, or for a scalar written
    /// without one the tag the default resolver would give (`ImplicitScalarTag`), and a bool, int or
    /// float only when Yams can construct that value.
    static func kind(of scalar: Node.Scalar) -> LocatedScalar.Kind {
        kind(text: scalar.string, written: Tag.Name(rawValue: scalar.tag.description), style: scalar.style)
    }

    /// The kind of a scalar with this text, tag as written (`.implicit` for none) and style.
    static func kind(text: String, written: Tag.Name, style: Node.Scalar.Style) -> LocatedScalar.Kind {
        let name: Tag.Name = switch written {
        case .implicit: ImplicitScalarTag.name(of: text)
        case .nonSpecific: .str
        default: written
        }
        if name == .str { return .string }
        // The constructors see the resolved tag, as they did when Yams resolved it (and the style; not the mark).
        // They read only the tag's name, so the tag carries the empty resolver: `Tag`'s default, `Resolver.default`,
        // compiles a dozen regular expressions on first use (2 ms of a small run).
        var resolved: Node.Scalar { Node.Scalar(text, Tag(name, .basic), style) }
        switch name {
        case .null: return .null
        case .bool: return Bool.construct(from: resolved) == nil ? .string : .bool
        case .int: return Int.construct(from: resolved) == nil ? .string : .int
        case .float: return Double.construct(from: resolved) == nil ? .string : .float
        default: return .string
        }
    }

    static func style(of scalar: Node.Scalar) -> LocatedScalar.Style {
        switch scalar.style {
        case .singleQuoted: .singleQuoted
        case .doubleQuoted: .doubleQuoted
        case .literal: .literal
        case .folded: .folded
        case .any, .plain: .plain
        }
    }
}
