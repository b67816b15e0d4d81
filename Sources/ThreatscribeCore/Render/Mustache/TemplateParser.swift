/// Parses a template's clusters into tokens, with swift-mustache 2's syntax: its standalone-line
/// rules, set delimiters, transforms `f(g(x))`, pragmas, partials and inheritance, and the same
/// errors at the same positions.
struct TemplateParser {
    private let source: TemplateSource
    private let units: [UInt32]
    /// The current cluster.
    private var position = 0

    private init(_ source: TemplateSource) {
        self.source = source
        units = source.units
    }

    static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateToken] {
        var parser = TemplateParser(TemplateSource(text))
        do {
            return try parser.parse(State())
        } catch {
            let (line, column) = parser.source.lineAndColumn(of: parser.position)
            throw TemplateSyntaxError(kind: error, line: line, column: column)
        }
    }

    /// What the parser knows at a point of the text.
    private struct State {
        /// The open section, whose closing tag ends this level.
        var sectionName: String?
        var sectionTransforms: [String] = []
        /// At the start of a line (only spaces before): a tag here may be standalone.
        var isNewLine = true
        /// Inside `{{<parent}}…{{/parent}}`.
        var isPartialDefinition = false
        /// Directly inside `{{<parent}}…{{/parent}}`, where `{{$block}}` defines a block.
        var isPartialDefinitionTopLevel = false
        var open: [UInt32] = Array("{{".unicodeScalars.map(\.value))
        var close: [UInt32] = Array("}}".unicodeScalars.map(\.value))
        /// The indentation (clusters) of the first line inside a block definition.
        var partialDefinitionIndent: Int?
        /// How many sections, blocks and parents are open.
        var depth = 0

        func inSection(_ name: String, isNewLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !isNewLine { state.isNewLine = false }
            state.depth += 1
            return state
        }

        func inParent(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.isNewLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            state.depth += 1
            return state
        }
    }

    private typealias Kind = TemplateSyntaxError.Kind

    // MARK: Reading clusters

    private var isAtEnd: Bool { position == units.count }
    /// The current cluster, or 0 at the end.
    private var current: UInt32 { isAtEnd ? 0 : units[position] }

    private static let space = UInt32(UInt8(ascii: " ")), tab = UInt32(UInt8(ascii: "\t"))
    private static let lineFeed: UInt32 = 0x0A

    private static func ascii(_ character: Unicode.Scalar) -> UInt32 { character.value }

    @discardableResult
    private mutating func skip(while predicate: (UInt32) -> Bool) -> Range<Int> {
        let start = position
        while position < units.count, predicate(units[position]) { position += 1 }
        return start..<position
    }

    @discardableResult
    private mutating func skipWhitespace() -> Range<Int> {
        let source = source
        return skip { source.isWhitespace($0) }
    }

    private mutating func skipSpacesAndTabs() -> Range<Int> {
        skip { $0 == Self.space || $0 == Self.tab }
    }

    /// Reads `unit` if it is next; throws at the end.
    private mutating func read(_ unit: UInt32) throws(Kind) -> Bool {
        guard !isAtEnd else { throw .overflow }
        guard units[position] == unit else { return false }
        position += 1
        return true
    }

    /// Reads `sequence` if it comes next; throws when fewer clusters remain.
    private mutating func read(_ sequence: [UInt32]) throws(Kind) -> Bool {
        guard !sequence.isEmpty else { return true }
        guard units.count - position >= sequence.count else { throw .overflow }
        for (offset, unit) in sequence.enumerated() where units[position + offset] != unit { return false }
        position += sequence.count
        return true
    }

    /// Reads up to the first cluster that satisfies `predicate`; at the end, throws and stays put.
    private mutating func read(until predicate: (UInt32) -> Bool) throws(Kind) -> Range<Int> {
        let start = position
        while position < units.count {
            if predicate(units[position]) { return start..<position }
            position += 1
        }
        position = start
        throw .overflow
    }

    /// Whether the tag just read is alone on its line; if so, the rest of the line is read.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.isNewLine else { return false }
        if isAtEnd { return true }
        var end = position
        while end < units.count, units[end] == Self.space || units[end] == Self.tab { end += 1 }
        guard end < units.count, TemplateSource.isNewline(units[end]) else { return false }
        position = end + 1
        return true
    }

    private func bytes(_ range: Range<Int>) -> [UInt8] { Array(source.slice(range)) }

    // MARK: Parsing

    /// The deepest nesting of sections, blocks and parents a template may have (`nestedTooDeep`).
    static let maxDepth = 200

    private mutating func parse(_ initial: State) throws(Kind) -> [TemplateToken] {
        guard initial.depth <= Self.maxDepth else { throw .nestedTooDeep }
        var tokens: [TemplateToken] = []
        var state = initial
        var whitespace: [UInt8] = []
        func flushWhitespace() {
            if !whitespace.isEmpty {
                tokens.append(.text(whitespace))
                whitespace = []
            }
        }
        while !isAtEnd {
            if state.isNewLine {
                let leading = skipSpacesAndTabs()
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whitespace = bytes(min(leading.lowerBound + indent, leading.upperBound)..<leading.upperBound)
                    } else {
                        state.partialDefinitionIndent = leading.count
                    }
                } else {
                    whitespace = bytes(leading)
                }
            }
            var text = try readTextUntilTagOrNewline(state)
            if TemplateSource.isNewline(current) {
                text.append(contentsOf: source.slice(position..<(position + 1)))
                tokens.append(.text(whitespace + text))
                state.isNewLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(whitespace + text))
                whitespace = []
                state.isNewLine = false
            }
            if isAtEnd { break }
            var isNewLine = false
            switch current {
            case Self.ascii("#"), Self.ascii("^"):
                let inverted = current == Self.ascii("^")
                position += 1
                let name = try readName(state)
                if isStandalone(state) {
                    isNewLine = true
                } else {
                    flushWhitespace()
                }
                let inner = try parse(state.inSection(name.text, isNewLine: isNewLine, transforms: name.transforms))
                tokens.append(inverted ? .invertedSection(name, inner) : .section(name, inner))

            case Self.ascii("/"):
                position += 1
                let start = position
                let name = try readName(state)
                guard name.text == state.sectionName, name.transforms == state.sectionTransforms else {
                    position = start
                    throw .sectionCloseNameIncorrect
                }
                if !isStandalone(state) { flushWhitespace() }
                return tokens

            case Self.ascii("!"):
                position += 1
                try skipComment(state)
                isNewLine = isStandalone(state)

            case Self.ascii("{"):
                flushWhitespace()
                position += 1
                let name = try readName(state)
                guard try read(Self.ascii("}")) else { throw .unfinishedName }
                tokens.append(.variable(name, escaped: false))

            case Self.ascii("&"):
                flushWhitespace()
                position += 1
                tokens.append(.variable(try readName(state), escaped: false))

            case Self.ascii(">"):
                position += 1
                skipWhitespace()
                var dynamic = false
                if current == Self.ascii("*") {
                    position += 1
                    dynamic = true
                }
                let name = try readPartialName(state)
                if !whitespace.isEmpty { tokens.append(.text(whitespace)) }
                if isStandalone(state) {
                    isNewLine = true
                    tokens.append(.partial(name, indentation: whitespace, blocks: nil, dynamic: dynamic))
                } else {
                    tokens.append(.partial(name, indentation: nil, blocks: nil, dynamic: dynamic))
                }
                whitespace = []

            case Self.ascii("<"):
                position += 1
                skipWhitespace()
                let written = try readPartialName(state)
                let dynamic = written.first == "*"
                let name = dynamic ? String(written.dropFirst()) : written
                if !whitespace.isEmpty { tokens.append(.text(whitespace)) }
                if isStandalone(state) { isNewLine = true }
                let inner = try parse(state.inParent(written))
                var blocks: [String: [TemplateToken]] = [:]
                for token in inner {
                    switch token {
                    case .blockDefinition(let block, let blockTokens): blocks[block] = blockTokens
                    case .text: break
                    default: throw .illegalTokenInsideInheritSection
                    }
                }
                tokens.append(.partial(name, indentation: whitespace, blocks: blocks, dynamic: dynamic))
                whitespace = []

            case Self.ascii("$"):
                position += 1
                let name = try readName(state)
                guard name.transforms.isEmpty else { throw .transformAppliedToInheritanceSection }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { isNewLine = true }
                    let inner = try parse(state.inSection(name.text, isNewLine: isNewLine))
                    tokens.append(.blockDefinition(name.text, inner))
                } else {
                    if !whitespace.isEmpty { tokens.append(.text(whitespace)) }
                    if isStandalone(state) { isNewLine = true }
                    let inner = try parse(state.inSection(name.text, isNewLine: isNewLine))
                    tokens.append(.blockExpansion(name.text, defaultTokens: inner, indentation: whitespace))
                    whitespace = []
                }

            case Self.ascii("="):
                position += 1
                state = try readDelimiters(state)
                isNewLine = isStandalone(state)

            case Self.ascii("%"):
                position += 1
                tokens.append(.contentType(try readPragma(state)))
                isNewLine = isStandalone(state)

            default:
                flushWhitespace()
                tokens.append(.variable(try readName(state), escaped: true))
            }
            state.isNewLine = isNewLine
        }
        guard state.sectionName == nil else { throw .expectedSectionEnd }
        return tokens
    }

    /// Text up to a line end (not read) or past an opening delimiter. A first delimiter cluster
    /// not followed by the rest of the delimiter is text.
    private mutating func readTextUntilTagOrNewline(_ state: State) throws(Kind) -> [UInt8] {
        guard let first = state.open.first else { return [] }
        var text: [UInt8] = []
        while !isAtEnd {
            let start = position
            while position < units.count {
                let unit = units[position]
                if unit == Self.lineFeed || unit == TemplateSource.crlf || unit == first { break }
                position += 1
            }
            text.append(contentsOf: source.slice(start..<position))
            if TemplateSource.isNewline(current) { break }
            if !isAtEnd, current == first {
                if try read(state.open) { break }
                text.append(contentsOf: source.slice(position..<(position + 1)))
                position += 1
            }
        }
        return text
    }

    private static func isNameUnit(_ unit: UInt32, brackets: Bool, slash: Bool = false) -> Bool {
        switch unit {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case ascii("."), ascii("-"), ascii("_"), ascii("?"), ascii("*"): true
        case ascii("("), ascii(")"): brackets
        case ascii("/"): slash
        default: false
        }
    }

    /// A variable or section name and its transforms, and the closing delimiter.
    private mutating func readName(_ state: State) throws(Kind) -> TemplateName {
        skipWhitespace()
        let range = skip { Self.isNameUnit($0, brackets: true) }
        skipWhitespace()
        guard try read(state.close) else { throw .unfinishedName }
        let written = units[range]
        let text = source.string(range)
        // Name units are ASCII, one byte each.
        guard let open = written.firstIndex(where: { !Self.isNameUnit($0, brackets: false) }) else {
            return TemplateName(text, transforms: [])
        }
        guard written[open] == Self.ascii("(") else { throw .unfinishedName }
        var transforms = [String(text.prefix(open - range.lowerBound))]
        var index = open + 1
        while true {
            let start = index
            while index < range.upperBound, Self.isNameUnit(units[index], brackets: false) { index += 1 }
            let part = source.string(start..<index)
            let next = index < range.upperBound ? units[index] : 0
            if next == Self.ascii(")") {
                index += 1
                var closing = 1
                while index < range.upperBound, units[index] == Self.ascii(")") {
                    closing += 1
                    index += 1
                }
                guard closing == transforms.count, index == range.upperBound else { throw .unfinishedName }
                return TemplateName(part, transforms: transforms)
            } else if next == Self.ascii("(") {
                index += 1
                transforms.append(part)
            } else {
                throw .unfinishedName
            }
        }
    }

    private mutating func readPartialName(_ state: State) throws(Kind) -> String {
        skipWhitespace()
        let range = skip { Self.isNameUnit($0, brackets: true, slash: true) }
        skipWhitespace()
        guard try read(state.close) else { throw .unfinishedName }
        return source.string(range)
    }

    /// Reads past the comment's closing delimiter, matching it as swift-mustache does (a partial
    /// match that fails starts over at the next cluster).
    private mutating func skipComment(_ state: State) throws(Kind) {
        let close = state.close
        guard !close.isEmpty else { return }
        let start = position
        var matched = 0
        while position < units.count {
            if units[position] == close[matched] {
                matched += 1
                if matched == close.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        position = start
        throw .overflow
    }

    /// `{{=<% %>=}}`: the new delimiters.
    private mutating func readDelimiters(_ state: State) throws(Kind) -> State {
        let source = source
        let open: Range<Int>, close: Range<Int>
        do {
            skipWhitespace()
            open = try read { source.isWhitespace($0) }
            skipWhitespace()
            close = try read { $0 == Self.ascii("=") || source.isWhitespace($0) }
            skipWhitespace()
        } catch {
            throw .invalidSetDelimiter
        }
        guard try read(Self.ascii("=")) else { throw .invalidSetDelimiter }
        guard try read(state.close) else { throw .invalidSetDelimiter }
        guard !open.isEmpty, !close.isEmpty else { throw .invalidSetDelimiter }
        var changed = state
        changed.open = Array(units[open])
        changed.close = Array(units[close])
        changed.isPartialDefinitionTopLevel = false
        return changed
    }

    /// `{{%CONTENT_TYPE: NAME}}`: the escaper it selects.
    private mutating func readPragma(_ state: State) throws(Kind) -> TemplateEscaper {
        let variable: Range<Int>, value: Range<Int>
        do throws(Kind) {
            skipWhitespace()
            variable = skip { Self.isNameUnit($0, brackets: false) }
            skipWhitespace()
            guard try read(Self.ascii(":")) else { throw .invalidConfigVariableSyntax }
            skipWhitespace()
            value = skip { Self.isNameUnit($0, brackets: false) }
            skipWhitespace()
            guard try read(state.close) else { throw .invalidConfigVariableSyntax }
        } catch {
            throw .invalidConfigVariableSyntax
        }
        guard !variable.isEmpty, !value.isEmpty else { throw .invalidConfigVariableSyntax }
        guard source.string(variable) == "CONTENT_TYPE", let escaper = TemplateEscaper(named: source.string(value)) else {
            throw .unrecognisedConfigVariable
        }
        return escaper
    }
}
