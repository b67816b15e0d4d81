/// Writes a `DraftNode` tree as block-style YAML, deterministically: members in their order, two
/// spaces a level, every comment on its own line or after its value.
///
/// No value can change the structure: a string is written plain only when it is a harmless word
/// (`cors`, `/items`, `app/main.py:12`); anything else is double-quoted with every character that
/// YAML or the terminal treats specially escaped. Comments lose their line breaks.
public enum DraftYAMLWriter {
    /// The YAML text of `root` (normally a mapping), after `header` written as comment lines.
    public static func yaml(of root: DraftNode, header: [String] = []) -> String {
        var lines = header.map { "# " + commentText($0) }
        switch root.value {
        case .mapping(let members) where !members.isEmpty:
            lines += root.notes.map { "# " + commentText($0) }
            lines += blockLines(root, indent: 0)
        case .sequence(let items) where !items.isEmpty:
            lines += root.notes.map { "# " + commentText($0) }
            lines += blockLines(root, indent: 0)
        default:
            lines += root.notes.map { "# " + commentText($0) }
            lines.append(inline(root) + trailing(root.comment))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Lines of a non-empty mapping or sequence at `indent`.
    static func blockLines(_ node: DraftNode, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        switch node.value {
        case .mapping(let members):
            for member in members {
                switch member {
                case .note(let text):
                    lines.append(pad + "# " + commentText(text))
                case .pair(let key, let value):
                    lines += value.notes.map { pad + "# " + commentText($0) }
                    let keyText = scalarText(key)
                    let explicit = keyText.count > 512
                    if isBlock(value) {
                        if explicit {
                            lines.append(pad + "? " + keyText)
                            lines.append(pad + ":" + trailing(value.comment))
                        } else {
                            lines.append(pad + keyText + ":" + trailing(value.comment))
                        }
                        lines += blockLines(value, indent: indent + 2)
                    } else if explicit {
                        lines.append(pad + "? " + keyText)
                        lines.append(pad + ": " + inline(value) + trailing(value.comment))
                    } else {
                        lines.append(pad + keyText + ": " + inline(value) + trailing(value.comment))
                    }
                }
            }
        case .sequence(let items):
            for item in items {
                lines += item.notes.map { pad + "# " + commentText($0) }
                guard isBlock(item) else {
                    lines.append(pad + "- " + inline(item) + trailing(item.comment))
                    continue
                }
                if let comment = item.comment { lines.append(pad + "# " + commentText(comment)) }
                let inner = blockLines(item, indent: indent + 2)
                if case .mapping = item.value, let first = inner.first, !first.dropFirst(indent + 2).hasPrefix("#"),
                    !first.dropFirst(indent + 2).hasPrefix("?")
                {
                    lines.append(pad + "- " + first.dropFirst(indent + 2))
                    lines += inner.dropFirst()
                } else {
                    lines.append(pad + "-")
                    lines += inner
                }
            }
        default:
            lines.append(pad + inline(node) + trailing(node.comment))
        }
        return lines
    }

    /// Whether `node` is written as an indented block (a non-empty collection).
    static func isBlock(_ node: DraftNode) -> Bool {
        switch node.value {
        case .mapping(let members): !members.isEmpty
        case .sequence(let items): !items.isEmpty
        default: false
        }
    }

    /// A scalar or an empty collection on one line.
    static func inline(_ node: DraftNode) -> String {
        switch node.value {
        case .string(let text): scalarText(text)
        case .integer(let number): String(number)
        case .boolean(let flag): flag ? "true" : "false"
        case .null: "null"
        case .sequence: "[]"
        case .mapping: "{}"
        // Always quoted: a plain `app/main.py:23` inside a flow mapping is an error to YAML 1.1 readers.
        case .unresolved(let expression, let source):
            "{unresolved: \(quoted(expression))" + (source.map { ", source: \(quoted($0))" } ?? "") + "}"
        }
    }

    static func trailing(_ comment: String?) -> String {
        guard let comment, !comment.isEmpty else { return "" }
        return "  # " + commentText(comment)
    }

    /// Words YAML 1.1 or 1.2 would read as something other than a string.
    static let reservedWords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"]

    /// `text` as a YAML scalar: plain when it is a harmless word, else double-quoted and escaped.
    public static func scalarText(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    /// A plain scalar is used only for text made of letters, digits and `_ . / - :` that starts with a
    /// letter, `_` or `/`, has no `: ` and no reserved word: it can be nothing but that string.
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 200 else { return false }
        guard isASCIILetter(first) || first == "_" || first == "/" else { return false }
        guard !reservedWords.contains(text.lowercased()) else { return false }
        guard !text.hasSuffix(":") else { return false }
        for scalar in text.unicodeScalars {
            guard isASCIILetter(scalar) || ("0"..."9").contains(scalar) || "_./-:".unicodeScalars.contains(scalar) else {
                return false
            }
        }
        return true
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// `text` in double quotes, escaped by the one YAML escaper (`YAMLEscaping`).
    public static func quoted(_ text: String) -> String { YAMLEscaping.doubleQuoted(text) }

    /// A comment's text on one line: line breaks become spaces, other unprintable characters `?`.
    static func commentText(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029, 0x09: out += " "
            default: out.unicodeScalars.append(YAMLEscaping.isPrintable(scalar) ? scalar : "?")
            }
        }
        return out
    }
}
