/// A problem in a condition's text, at a character offset into it.
public struct ConditionError: Error, Sendable, Equatable {
    public var message: String
    /// 0-based offset of the offending token in the condition text.
    public var offset: Int
}

/// Parses the small condition language documented in `docs/catalog.md`:
///
///     expr    := or
///     or      := and ("or" and)*
///     and     := not ("and" not)*
///     not     := "not" not | compare
///     compare := operand (("==" | "!=" | "<" | "<=" | ">" | ">=" | "contains" | "in") operand)?
///     operand := name ("." name)? | "count(" name ")" | "known(" name ")"
///              | "string" | 'string' | integer | true | false | "[" literal ("," literal)* "]" | "(" expr ")"
///
/// A condition has at most ``maxTokens`` tokens and nests `not` and parentheses at most ``maxDepth``
/// deep, so parsing, checking, evaluating and freeing it never recurse far.
public struct ConditionParser {
    /// The most tokens one condition may have.
    public static let maxTokens = 1_000
    /// The deepest nesting of `not` and parentheses.
    public static let maxDepth = 50

    private var tokens: [ConditionToken]
    private var position = 0
    private var depth = 0

    public static func parse(_ text: String) throws(ConditionError) -> Condition {
        var parser = ConditionParser(tokens: try ConditionLexer.tokens(in: text, limit: maxTokens))
        let condition = try parser.parseOr()
        guard parser.current.kind == .end else {
            throw ConditionError(message: "unexpected `\(DiagnosticText.excerpt(parser.current.text))`", offset: parser.current.offset)
        }
        return condition
    }

    private init(tokens: [ConditionToken]) { self.tokens = tokens }

    private var current: ConditionToken { tokens[position] }

    private mutating func advance() -> ConditionToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func accept(word: String) -> Bool {
        guard current.kind == .word, current.text == word else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ kind: ConditionToken.Kind, _ what: String) throws(ConditionError) -> ConditionToken {
        guard current.kind == kind else {
            let found = current.kind == .end ? "end of condition" : "`\(DiagnosticText.excerpt(current.text))`"
            throw ConditionError(message: "expected \(what), found \(found)", offset: current.offset)
        }
        return advance()
    }

    private mutating func parseOr() throws(ConditionError) -> Condition {
        var left = try parseAnd()
        while accept(word: "or") { left = .or(left, try parseAnd()) }
        return left
    }

    private mutating func parseAnd() throws(ConditionError) -> Condition {
        var left = try parseNot()
        while accept(word: "and") { left = .and(left, try parseNot()) }
        return left
    }

    private mutating func parseNot() throws(ConditionError) -> Condition {
        if current.kind == .word, current.text == "not" {
            try enterNesting()
            defer { depth -= 1 }
            _ = advance()
            return .not(try parseNot())
        }
        return try parseComparison()
    }

    /// One level deeper into `not` or parentheses, at the current token.
    private mutating func enterNesting() throws(ConditionError) {
        guard depth < Self.maxDepth else {
            throw ConditionError(message: "the condition nests `not` and parentheses deeper than \(Self.maxDepth) levels; threatscribe refuses to read it", offset: current.offset)
        }
        depth += 1
    }

    private mutating func parseComparison() throws(ConditionError) -> Condition {
        if current.kind == .openParen {
            try enterNesting()
            defer { depth -= 1 }
            _ = advance()
            let inner = try parseOr()
            _ = try expect(.closeParen, "`)`")
            return inner
        }
        let left = try parseOperand()
        if let comparison = comparisonOperator() {
            _ = advance()
            return .compare(left, comparison, try parseOperand())
        }
        return .truthy(left)
    }

    private func comparisonOperator() -> ComparisonOperator? {
        switch current.kind {
        case .symbol: ComparisonOperator(rawValue: current.text)
        case .word where current.text == "contains": .contains
        case .word where current.text == "in": .in
        default: nil
        }
    }

    private mutating func parseOperand() throws(ConditionError) -> Operand {
        let token = current
        switch token.kind {
        case .string:
            _ = advance()
            return .string(token.text)
        case .integer:
            _ = advance()
            return .int(Int(token.text) ?? 0)
        case .openBracket:
            _ = advance()
            var items: [String] = []
            while current.kind != .closeBracket {
                let item = try expect(.string, "a quoted string in the list")
                items.append(item.text)
                if current.kind == .comma { _ = advance() } else { break }
            }
            _ = try expect(.closeBracket, "`]`")
            return .list(items)
        case .word:
            _ = advance()
            switch token.text {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "and", "or", "not", "contains", "in":
                throw ConditionError(message: "expected a value, found `\(DiagnosticText.excerpt(token.text))`", offset: token.offset)
            case "count", "known":
                guard current.kind == .openParen else { break }
                _ = advance()
                let inner = try parseName()
                _ = try expect(.closeParen, "`)`")
                return token.text == "count" ? .count(inner) : .known(inner)
            default: break
            }
            return try parseName(startingWith: token)
        default:
            let found = token.kind == .end ? "end of condition" : "`\(DiagnosticText.excerpt(token.text))`"
            throw ConditionError(message: "expected a value, found \(found)", offset: token.offset)
        }
    }

    private mutating func parseName() throws(ConditionError) -> Operand {
        try parseName(startingWith: try expect(.word, "a fact name"))
    }

    private mutating func parseName(startingWith first: ConditionToken) throws(ConditionError) -> Operand {
        if current.kind == .dot {
            _ = advance()
            let field = try expect(.word, "a field name after `.`")
            return .fact(scope: first.text, field: field.text, offset: first.offset)
        }
        return .fact(scope: nil, field: first.text, offset: first.offset)
    }
}
