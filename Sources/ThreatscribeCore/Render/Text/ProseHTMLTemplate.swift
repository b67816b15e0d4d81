import Foundation

/// The HTML of one catalog prose text converted once, with a slot where each `{{…}}` placeholder stood,
/// so that a text filled from it is converted by filling the HTML instead of running Ink again.
///
/// Made by converting the text with a private-use character (a sentinel) in place of each placeholder.
/// A filled text takes this path only when it is the template's Markdown between the placeholders with
/// values that Ink and the sanitizer treat exactly as they treat a sentinel: printable ASCII, not empty,
/// no space at either end; in text, none of the characters Ink gives a meaning to; in code, no backtick
/// or `~`; and at the start of a line a first character that starts no block. Such a value becomes
/// its characters escaped as `XHTMLFragment` escapes text, so the result is byte for byte
/// `ProseHTML.html(fromMarkdown:)` of the filled text; any other text is converted by Ink
/// (`ProseHTMLTemplateTests` holds the two equal over the catalog and hostile values).
struct ProseHTMLTemplate: Sendable, Equatable {
    /// How a slot's values are checked: where the sentinel stood in Ink's output (text, a code span or
    /// a code block), and whether nothing but blanks, digits and block markers precede it on its line.
    struct Slot: Sendable, Equatable {
        enum Kind: Sendable, Equatable { case text, codeSpan, codeSpanAfterBracket, codeBlock }
        var kind: Kind
        var isAtLineStart: Bool

        /// One letter, as the generated source writes it: `t`, `c`, `b`, capital at the start of a line.
        var code: String {
            let letter = switch kind { case .text: "t"; case .codeSpan: "c"; case .codeSpanAfterBracket: "k"; case .codeBlock: "b" }
            return isAtLineStart ? letter.uppercased() : letter
        }

        init(kind: Kind, isAtLineStart: Bool) {
            self.kind = kind
            self.isAtLineStart = isAtLineStart
        }

        init?(code: String) {
            switch code.lowercased() {
            case "t": kind = .text
            case "c": kind = .codeSpan
            case "k": kind = .codeSpanAfterBracket
            case "b": kind = .codeBlock
            default: return nil
            }
            isAtLineStart = code != code.lowercased()
        }
    }

    /// The Markdown before, between and after the placeholders (one more than `slots`).
    let markdown: [String]
    /// The HTML before, between and after the slots (one more than `slots`).
    let html: [String]
    let slots: [Slot]
    /// The UTF-8 of `markdown`'s pieces.
    let markdownBytes: [[UInt8]]

    init(markdown: [String], html: [String], slots: [Slot]) {
        self.markdown = markdown
        self.html = html
        self.slots = slots
        markdownBytes = markdown.map { Array($0.utf8) }
    }

    /// The first sentinel; placeholder `i` becomes U+E000 + `i`.
    private static let firstSentinel: UInt32 = 0xE000

    /// The template of a catalog text, or `nil` when it cannot be converted ahead exactly: a placeholder
    /// next to a non-ASCII character or after a backslash, in a tag's attribute or in a table, or a
    /// text that Ink does not convert (too many `[` open, unbalanced output). Placeholders next to each
    /// other make one slot, whose value is theirs together.
    init?(compiling text: String) {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.contains(where: { (0xE000...0xF8FF).contains($0.value) }) else { return nil }
        var pieces: [String] = []
        var lineStarts: [Bool] = []
        var withSentinels = String.UnicodeScalarView()
        var copied = 0
        for placeholder in ProseLayout(text).placeholders {
            if placeholder.start > 0 {
                let before = scalars[placeholder.start - 1]
                guard before.isASCII, before != "\\" else { return nil }
            }
            if placeholder.end < scalars.count, !scalars[placeholder.end].isASCII { return nil }
            guard placeholder.start > copied || (placeholder.start == copied && (copied == 0 || !pieces.isEmpty)) else { return nil }
            if placeholder.start == copied, copied > 0 {
                copied = placeholder.end   // next to the previous one: the same slot
                continue
            }
            guard pieces.count < 0x1000 else { return nil }
            let literal = scalars[copied..<placeholder.start]
            pieces.append(String(String.UnicodeScalarView(literal)))
            withSentinels.append(contentsOf: literal)
            withSentinels.append(Unicode.Scalar(Self.firstSentinel + UInt32(pieces.count - 1))!)
            let lineHead = scalars[..<placeholder.start].reversed().prefix { $0 != "\n" }
            lineStarts.append(!lineHead.contains { $0 == "`" || ($0.isASCII && $0.properties.isAlphabetic) })
            copied = placeholder.end
        }
        pieces.append(String(String.UnicodeScalarView(scalars[copied...])))
        withSentinels.append(contentsOf: scalars[copied...])
        let sentinelText = String(withSentinels)
        guard ProseHTML.openBracketDepth(sentinelText) <= ProseHTML.maximumOpenBrackets else { return nil }
        let joined = ProseHTML.joiningSoftLineBreaks(sentinelText)
        let raw = ProseHTML.inkHTML(ofShielded: ProseHTML.shield(joined))
        guard let kinds = Self.sentinelKinds(raw, count: pieces.count - 1),
              let sanitized = XHTMLFragment(sanitizing: raw, placeholders: ProseHTML.placeholders)?.text,
              let htmlPieces = Self.split(sanitized, count: pieces.count - 1)
        else { return nil }
        let afterBrackets = Self.sentinelsAfterBrackets(joined)
        self.init(markdown: pieces, html: htmlPieces, slots: kinds.indices.map { index in
            let kind: Slot.Kind = kinds[index] == .codeSpan && afterBrackets.contains(index) ? .codeSpanAfterBracket : kinds[index]
            return Slot(kind: kind, isAtLineStart: lineStarts[index])
        })
    }

    /// The sentinels that a `[` or `]` precedes on their line: there a link's target, a reference or a
    /// URL declaration may be read up to a bracket or parenthesis over a code span's text.
    private static func sentinelsAfterBrackets(_ text: String) -> Set<Int> {
        var result: Set<Int> = []
        var seenBracket = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" { seenBracket = false }
            if scalar == "[" || scalar == "]" { seenBracket = true }
            if seenBracket, (Self.firstSentinel..<Self.firstSentinel + 0x1000).contains(scalar.value) {
                result.insert(Int(scalar.value - Self.firstSentinel))
            }
        }
        return result
    }

    /// For each sentinel, where Ink put it: in text, in `<code>`, or in `<pre><code>`; `nil` unless each
    /// appears once, in order, outside every tag and every table.
    private static func sentinelKinds(_ html: String, count: Int) -> [Slot.Kind]? {
        var result: [Slot.Kind] = []
        var codeDepth = 0
        var preDepth = 0
        var tableDepth = 0
        var tag: String.UnicodeScalarView?
        for scalar in html.unicodeScalars {
            if var open = tag {
                if scalar == ">" {
                    let body = String(open)
                    let closing = body.hasPrefix("/")
                    let name = body.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
                    let step = closing ? -1 : (body.hasSuffix("/") ? 0 : 1)
                    if name == "code" { codeDepth += step }
                    if name == "table" { tableDepth += step }
                    if name == "pre" { preDepth += step }
                    tag = nil
                } else {
                    if (Self.firstSentinel..<Self.firstSentinel + 0x1000).contains(scalar.value) { return nil }
                    open.append(scalar)
                    tag = open
                }
                continue
            }
            if scalar == "<" { tag = String.UnicodeScalarView(); continue }
            guard (Self.firstSentinel..<Self.firstSentinel + 0x1000).contains(scalar.value) else { continue }
            guard Int(scalar.value - Self.firstSentinel) == result.count, tableDepth == 0 else { return nil }
            result.append(preDepth > 0 ? .codeBlock : codeDepth > 0 ? .codeSpan : .text)
        }
        return result.count == count && tag == nil ? result : nil
    }

    /// The sanitized HTML cut at the sentinels; `nil` unless each appears once, in order.
    private static func split(_ html: String, count: Int) -> [String]? {
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in html.unicodeScalars {
            if (Self.firstSentinel..<Self.firstSentinel + 0x1000).contains(scalar.value) {
                guard Int(scalar.value - Self.firstSentinel) == pieces.count else { return nil }
                pieces.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        pieces.append(String(current))
        return pieces.count == count + 1 ? pieces : nil
    }

    /// The HTML of `text` when it is this template filled with values this path takes; `nil` otherwise.
    func html(ofFilled text: String) -> String? {
        var text = text
        return text.withUTF8 { html(ofFilled: $0) }
    }

    /// `html(ofFilled:)` of the text whose UTF-8 is `bytes`.
    func html(ofFilled bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let values = values(in: bytes) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var needsDepthCheck = false
        for (index, piece) in html.enumerated() {
            output.append(contentsOf: piece.utf8)
            guard index < values.count else { break }
            let value = bytes[values[index]]
            guard Self.accepts(value, in: slots[index]) else { return nil }
            for byte in value {
                if byte == UInt8(ascii: "[") { needsDepthCheck = true }
                Self.appendEscaped(byte, to: &output)
            }
        }
        if needsDepthCheck, ProseHTML.openBracketDepth(String(decoding: bytes, as: UTF8.self)) > ProseHTML.maximumOpenBrackets {
            return nil
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Where each value stands in `bytes`: the Markdown pieces matched in order, each value the shortest
    /// non-empty run before the next piece.
    private func values(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        let first = markdownBytes[0]
        let last = markdownBytes[markdownBytes.count - 1]
        guard bytes.count > first.count + last.count, Self.matches(first, in: bytes, at: 0),
              Self.matches(last, in: bytes, at: bytes.count - last.count) else { return nil }
        let end = bytes.count - last.count
        var position = first.count
        var values: [Range<Int>] = []
        values.reserveCapacity(slots.count)
        for piece in markdownBytes.dropFirst().dropLast() {
            guard let found = Self.firstIndex(of: piece, in: bytes, from: position + 1, before: end) else { return nil }
            values.append(position..<found)
            position = found + piece.count
        }
        guard position < end else { return nil }
        values.append(position..<end)
        return values
    }

    /// Whether `piece` stands in `bytes` at `offset` (which leaves room for it).
    private static func matches(_ piece: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard !piece.isEmpty else { return true }
        return piece.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress! + offset, piece.count) == 0 }
    }

    private static func firstIndex(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int) -> Int? {
        guard let lead = needle.first, start + needle.count <= end else { return nil }
        var index = start
        while index + needle.count <= end {
            if bytes[index] == lead, matches(needle, in: bytes, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Whether Ink reads `value` in `slot` as it reads the sentinel, character for character.
    static func accepts(_ value: Slice<UnsafeBufferPointer<UInt8>>, in slot: Slot) -> Bool {
        guard let first = value.first, let last = value.last, first != .space, last != .space else { return false }
        if slot.isAtLineStart, !(isLetter(first) || startsNoBlock.contains(first)) { return false }
        switch slot.kind {
        case .codeBlock:
            return value.allSatisfy { (0x20...0x7E).contains($0) && !notInCode.contains($0) }
        case .codeSpan:
            return last != UInt8(ascii: "\\") && value.allSatisfy { (0x20...0x7E).contains($0) && !notInCode.contains($0) }
        case .codeSpanAfterBracket:
            // A link's target or reference is read to its `)` or `]` over code spans on its line.
            return last != UInt8(ascii: "\\") && value.allSatisfy { (0x20...0x7E).contains($0) && !notInCode.contains($0) && !brackets.contains($0) }
        case .text:
            break
        }
        var previous: UInt8 = 0
        for byte in value {
            guard isLetter(byte) || isDigit(byte) || inText.contains(byte) else { return false }
            if byte == .space, previous == .space { return false }
            previous = byte
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// Characters other than letters that start no block in Ink or in `joiningSoftLineBreaks`.
    private static let startsNoBlock: Set<UInt8> = Set("'\"/${(".utf8)
    /// What may not stand in code: what ends a code span or fence (a `|` ends a table cell, but no slot
    /// stands in a table).
    private static let notInCode: Set<UInt8> = Set("`~".utf8)
    private static let brackets: Set<UInt8> = Set("()[]".utf8)
    /// Characters besides letters and digits that Ink reads as plain text wherever they stand in a line
    /// (`&`, `<`, `>`, `"` and `'` are swapped for placeholders before Ink sees them).
    private static let inText: Set<UInt8> = Set(" /.,:;-+=?@%${}'\"&<>^".utf8)

    /// `byte` of a value as `XHTMLFragment` writes it: the characters HTML gives meaning to as the
    /// entities their placeholders become (the same as `HTMLEscaping.attribute`), the rest as they are.
    private static func appendEscaped(_ byte: UInt8, to output: inout [UInt8]) {
        HTMLEscaping.appendAttribute(asciiByte: byte, to: &output)
    }
}

private extension UInt8 {
    static let space = UInt8(ascii: " ")
}
