struct ConditionToken: Equatable {
    enum Kind: Equatable { case word, string, integer, symbol, dot, comma, openParen, closeParen, openBracket, closeBracket, end }
    var kind: Kind
    var text: String
    var offset: Int
}

/// Splits a condition into tokens, keeping each token's offset for error positions.
enum ConditionLexer {
    /// The tokens of `text`; more than `limit` tokens (without the end) is an error at the first one too many.
    static func tokens(in text: String, limit: Int = .max) throws(ConditionError) -> [ConditionToken] {
        let characters = Array(text)
        var tokens: [ConditionToken] = []
        var index = 0
        while index < characters.count {
            if tokens.count > limit, let extra = tokens.last {
                throw ConditionError(message: "the condition has more than \(limit) tokens; threatscribe refuses to read it (split it into several entries)", offset: extra.offset)
            }
            let character = characters[index]
            let start = index
            if character.isWhitespace {
                index += 1
            } else if character.isLetter || character == "_" {
                while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" {
                    index += 1
                }
                tokens.append(.init(kind: .word, text: String(characters[start..<index]), offset: start))
            } else if character.isNumber || (character == "-" && index + 1 < characters.count && characters[index + 1].isNumber) {
                index += 1
                while index < characters.count, characters[index].isNumber { index += 1 }
                tokens.append(.init(kind: .integer, text: String(characters[start..<index]), offset: start))
            } else if character == "\"" || character == "'" {
                index += 1
                var value = ""
                while index < characters.count, characters[index] != character {
                    if characters[index] == "\\", index + 1 < characters.count { index += 1 }
                    value.append(characters[index])
                    index += 1
                }
                guard index < characters.count else {
                    throw ConditionError(message: "unterminated string", offset: start)
                }
                index += 1
                tokens.append(.init(kind: .string, text: value, offset: start))
            } else if "=!<>".contains(character) {
                index += 1
                if index < characters.count, characters[index] == "=" { index += 1 }
                let symbol = String(characters[start..<index])
                guard ComparisonOperator(rawValue: symbol) != nil else {
                    throw ConditionError(message: "unknown operator `\(symbol)`", offset: start)
                }
                tokens.append(.init(kind: .symbol, text: symbol, offset: start))
            } else {
                let kinds: [Character: ConditionToken.Kind] = [
                    ".": .dot, ",": .comma, "(": .openParen, ")": .closeParen, "[": .openBracket, "]": .closeBracket,
                ]
                guard let kind = kinds[character] else {
                    throw ConditionError(message: "unexpected character `\(character)`", offset: start)
                }
                index += 1
                tokens.append(.init(kind: kind, text: String(character), offset: start))
            }
        }
        tokens.append(.init(kind: .end, text: "", offset: characters.count))
        return tokens
    }
}
