import Yams

/// Turns Yams errors into `file:line:col` diagnostics with plain messages.
enum YAMLErrorTranslation {
    static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = message(problem: problem, context: context, problemMark: mark)
            if problem.contains("tab character") || character(atLine: mark.line, column: mark.column, in: text) == "\t" {
                message += "; indent with spaces, not tabs"
            }
            return Diagnostic(.error, message, at: at(mark))
        case let .reader(problem, offset, _, _):
            return Diagnostic(.error, problem, at: location(ofCharacterOffset: offset ?? 0, in: text, file: file))
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.sorted().first ?? ""
            let first = context.mark
            if let second = DuplicateKeySearch.nextOccurrence(of: key, line: first.line, column: first.column, in: text) {
                return Diagnostic(.error, "duplicate key `\(key)`; it is already set at line \(first.line)",
                                  at: SourceLocation(file: file, line: second.line, column: second.column))
            }
            return Diagnostic(.error, "duplicate key `\(key)` in this mapping", at: at(first))
        default:
            return Diagnostic(.error, "cannot read the model: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    private static func message(problem: String, context: YamlError.Context?, problemMark: Mark) -> String {
        var message = problem
        if let context, !context.text.isEmpty {
            let mark = context.mark
            let place = (mark.line, mark.column) == (problemMark.line, problemMark.column)
                ? "" : " started at line \(mark.line), column \(mark.column)"
            message += " (\(context.text)\(place))"
        }
        return message
    }

    /// The character at a 1-based line and column (columns count Unicode scalars, as libyaml does).
    private static func character(atLine line: Int, column: Int, in text: String) -> Unicode.Scalar? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let scalars = Array(lines[line - 1].unicodeScalars)
        return column >= 1 && column <= scalars.count ? scalars[column - 1] : nil
    }

    private static func location(ofCharacterOffset offset: Int, in text: String, file: String) -> SourceLocation {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}

/// Finds the second spelling of a duplicated key: Yams reports only the first.
enum DuplicateKeySearch {
    /// The place of the next `key:` (plain or quoted) after the one at `line`/`column`: later on the
    /// same line (flow mappings, JSON) or on a later line at the same column.
    static func nextOccurrence(of key: String, line firstLine: Int, column firstColumn: Int, in text: String) -> (line: Int, column: Int)? {
        let first = (line: firstLine, column: firstColumn)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let spellings = [key, "\"\(key)\"", "'\(key)'"]
        let firstScalars = Array(lines[first.line - 1].unicodeScalars)
        let sameLineStart = min(first.column - 1 + key.unicodeScalars.count, firstScalars.count)
        // Flow mappings (`{a: 1, a: 2}`, JSON) can repeat the key on the same line.
        let rest = String(String.UnicodeScalarView(firstScalars[sameLineStart...]))
        for spelling in spellings {
            if let range = rest.range(of: spelling + ":") ?? rest.range(of: spelling + " :") {
                let offset = rest.unicodeScalars.distance(from: rest.unicodeScalars.startIndex, to: range.lowerBound)
                return (line: first.line, column: sameLineStart + offset + 1)
            }
        }
        for index in first.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            guard scalars.count >= first.column else { continue }
            let tail = String(String.UnicodeScalarView(scalars[(first.column - 1)...]))
            let head = String(String.UnicodeScalarView(scalars[..<(first.column - 1)]))
            guard head.allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            for spelling in spellings where tail.hasPrefix(spelling) {
                let after = tail.dropFirst(spelling.count).drop { $0 == " " }
                if after.hasPrefix(":") { return (line: index + 1, column: first.column) }
            }
        }
        return nil
    }
}
