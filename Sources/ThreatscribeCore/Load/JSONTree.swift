/// A JSON value with ordered object members, written deterministically.
///
/// Used to hand a validated model to `JSONTreeDecoder` and to print the JSON Schema.
indirect enum JSONTree: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONTree])
    case object([(String, JSONTree)])

    static func == (lhs: JSONTree, rhs: JSONTree) -> Bool { lhs.text(pretty: false) == rhs.text(pretty: false) }

    /// The JSON text; `pretty` indents by two spaces and sorts object keys.
    func text(pretty: Bool) -> String {
        var output = ""
        write(into: &output, pretty: pretty, indent: "")
        return output
    }

    private func write(into output: inout String, pretty: Bool, indent: String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value): output += value.isFinite ? "\(value)" : "null"
        case .string(let value): Self.writeString(value, into: &output)
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            let inner = indent + "  "
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                if pretty { output += "\n" + inner }
                item.write(into: &output, pretty: pretty, indent: inner)
            }
            output += pretty ? "\n" + indent + "]" : "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            let inner = indent + "  "
            let ordered = pretty ? members.sorted { $0.0 < $1.0 } : members
            output += "{"
            for (index, member) in ordered.enumerated() {
                if index > 0 { output += "," }
                if pretty { output += "\n" + inner }
                Self.writeString(member.0, into: &output)
                output += pretty ? ": " : ":"
                member.1.write(into: &output, pretty: pretty, indent: inner)
            }
            output += pretty ? "\n" + indent + "}" : "}"
        }
    }

    /// A JSON string literal: the five common escapes, other control characters as `\u00XX`.
    private static func writeString(_ value: String, into output: inout String) {
        output += BackslashEscaped.doubleQuoted(value, keeps: { $0.value >= 0x20 }) { "\\u" + BackslashEscaped.hex($0, width: 4) }
    }
}
