import Yams

/// Turns Yams errors into `file:line:col` diagnostics with plain messages.
enum YAMLErrorTranslation {
    static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let contextPlace = context.map { (text: $0.text, line: $0.mark.line, column: $0.mark.column) }
            return syntaxDiagnostic(problem: problem, context: contextPlace, line: mark.line, column: mark.column, text: text, file: file)
        case let .reader(problem, offset, _, _):
            return Diagnostic(.error, problem, at: SourceLines.location(ofCharacterOffset: offset ?? 0, in: text, file: file))
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.sorted().first ?? ""
            let first = context.mark
            if let second = DuplicateKeySearch.nextOccurrence(of: key, line: first.line, column: first.column, in: text) {
                return Diagnostic(.error, "duplicate key `\(DiagnosticText.excerpt(key))`; it is already set at line \(first.line)",
                                  at: SourceLocation(file: file, line: second.line, column: second.column))
            }
            return Diagnostic(.error, "duplicate key `\(DiagnosticText.excerpt(key))` in this mapping", at: at(first))
        default:
            return Diagnostic(.error, "cannot read the model: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// A scanner, parser or composer error at `line`:`column`, with libyaml's context (what it was
    /// reading and where that started) and a hint when the place holds a tab.
    static func syntaxDiagnostic(
        problem: String, context: (text: String, line: Int, column: Int)?, line: Int, column: Int, text: String, file: String
    ) -> Diagnostic {
        if problem.hasPrefix("Maximum nesting level reached") {
            return Diagnostic(.error, "nesting is deeper than the YAML reader's limit of 1000 levels; threatscribe refuses to read it",
                              at: SourceLocation(file: file, line: line, column: column))
        }
        var message = problem
        if let context, !context.text.isEmpty {
            let place = (context.line, context.column) == (line, column)
                ? "" : " started at line \(context.line), column \(context.column)"
            message += " (\(context.text)\(place))"
        }
        if problem.contains("tab character") || character(atLine: line, column: column, in: text) == "\t" {
            message += "; indent with spaces, not tabs"
        }
        return Diagnostic(.error, message, at: SourceLocation(file: file, line: line, column: column))
    }

    /// The character at a 1-based line and column (columns count Unicode scalars, as libyaml does).
    private static func character(atLine line: Int, column: Int, in text: String) -> Unicode.Scalar? {
        let lines = SourceLines.lines(of: text)
        guard line >= 1, line <= lines.count else { return nil }
        let scalars = lines[line - 1]
        return column >= 1 && column <= scalars.count ? scalars[column - 1] : nil
    }
}

/// Finds the second spelling of a duplicated key: Yams reports only the first.
enum DuplicateKeySearch {
    /// The place of the next `key:` (plain or quoted) after the one at `line`/`column`: later on the
    /// same line (flow mappings, JSON) or on a later line at the same column.
    static func nextOccurrence(of key: String, line firstLine: Int, column firstColumn: Int, in text: String) -> (line: Int, column: Int)? {
        let first = (line: firstLine, column: firstColumn)
        let lines = SourceLines.lines(of: text)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let spellings = [key, "\"\(key)\"", "'\(key)'"]
        let firstScalars = lines[first.line - 1]
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
            let scalars = lines[index]
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
