import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import FuzzSupport
@testable import ThreatscribeCore

// The escapers of `Render/Text`, each with the property its output context needs: reversible ones
// give the input back when unescaped, and no context-breaking character survives in any of them.
//
// This is the one file that names the escaping functions: when they are renamed or replaced, adapt
// the `cases` table below and keep the properties.
//
// The first input byte picks the escaper; the rest is the text (decoded leniently, so every input
// is a string). Every input is checked: the issue 7 classes (grapheme merging, XML-forbidden
// scalars) are fixed, so a failure in them is a finding.

/// Escaper name and its check, in the order the first input byte selects them.
let cases: [(name: String, check: (String) -> Void)] = [
    ("HTMLEscaping.text", { checkHTMLEscaping($0, attribute: false) }),
    ("HTMLEscaping.attribute", { checkHTMLEscaping($0, attribute: true) }),
    ("HTMLEscaping.urlAttribute", checkURLAttribute),
    ("HTMLEscaping.isSafeURL", checkSafeURL),
    ("HTMLEscaping.webURL", checkWebURL),
    ("MarkdownEscaping.inline", checkMarkdownInline),
    ("MarkdownEscaping.codeSpan", { checkCodeSpan($0, inTable: false) }),
    ("MarkdownEscaping.codeSpan(inTable:)", { checkCodeSpan($0, inTable: true) }),
    ("MarkdownEscaping.fencedBlock", checkFencedBlock),
    ("MarkdownEscaping.neutralizingHTML", checkNeutralizingHTML),
    ("MarkdownFence", checkMarkdownFence),
    ("MermaidEscaping.label", checkMermaidLabel),
    ("ShellWord.quoted", checkShellWord),
    ("PythonLiteral.string", checkPythonLiteral),
    ("TerminalText", checkTerminalText),
    ("TerminalText.inertJSON", checkInertJSON),
    ("ProseHTML.html(fromMarkdown:)", checkProseHTML),
    ("HTML template {{value}}", checkTemplateHTML),
]

@_cdecl("FuzzEscapers_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let selector = bytes.first else { return 0 }
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    cases[Int(selector) % cases.count].check(text)
    return 0
}

func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
}

/// `text` as the HTML escapers must show it: a C0 control XML forbids as its Control Pictures
/// symbol (U+2400 + code), U+FFFE and U+FFFF as U+FFFD.
func xmlLegal(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
        isXMLCharacter(scalar) ? scalar : scalar.value < 0x20 ? Unicode.Scalar(0x2400 + scalar.value)! : "\u{FFFD}"
    }))
}

let xmlEntities = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'"]

/// HTML text and attributes: no `<`, `>` (nor `"`, `'` in attributes), no `&` but an entity's,
/// only XML characters; unescaping gives the input with XML-forbidden scalars made visible.
func checkHTMLEscaping(_ text: String, attribute: Bool) {
    let escaped = attribute ? HTMLEscaping.attribute(text) : HTMLEscaping.text(text)
    let forbidden = attribute ? "<>\"'" : "<>"
    let scalars = Array(escaped.unicodeScalars)
    var unescaped = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
        let scalar = scalars[index]
        require(!forbidden.unicodeScalars.contains(scalar), "HTML escaping left \(shown(String(scalar))) raw in \(shown(escaped))")
        require(isXMLCharacter(scalar), "HTML escaping left the XML-forbidden \(shown(String(scalar))) in \(shown(escaped))")
        if scalar == "&" {
            let rest = String(String.UnicodeScalarView(scalars[index...].prefix(6)))
            guard let (entity, character) = xmlEntities.first(where: { rest.unicodeScalars.starts(with: $0.key.unicodeScalars) }) else {
                require(false, "HTML escaping left a bare & in \(shown(escaped))")
                return
            }
            unescaped.append(contentsOf: character.unicodeScalars)
            index += entity.unicodeScalars.count
            continue
        }
        unescaped.append(scalar)
        index += 1
    }
    let expected = xmlLegal(text)
    require(unescaped.elementsEqual(expected.unicodeScalars), "unescaping the HTML escaping of \(shown(text)) gives \(shown(String(unescaped)))")
}

/// A link target: the attribute escaping of the URL when the URL is safe, `#` otherwise.
func checkURLAttribute(_ text: String) {
    let escaped = HTMLEscaping.urlAttribute(text)
    if escaped == "#" { return }
    require(escaped == HTMLEscaping.attribute(text), "urlAttribute(\(shown(text))) is \(shown(escaped))")
    requireNoScriptScheme(text, "urlAttribute keeps")
}

/// A web URL the Markdown and HTML use unescaped: the input itself, `http(s)://`, and nothing that ends an
/// attribute value or an autolink.
func checkWebURL(_ text: String) {
    guard let url = HTMLEscaping.webURL(text) else { return }
    require(url == text && url.unicodeScalars.elementsEqual(text.unicodeScalars), "webURL changed \(shown(text))")
    let lower = String(String.UnicodeScalarView(url.unicodeScalars.prefix(8))).lowercased()
    require(lower.hasPrefix("https://") || lower.hasPrefix("http://"), "webURL accepts \(shown(text))")
    for scalar in url.unicodeScalars {
        let category = scalar.properties.generalCategory
        require(!(scalar.properties.isWhitespace || category == .control || category == .format || !isXMLCharacter(scalar)
                  || "\"'<>`\\".unicodeScalars.contains(scalar)), "webURL accepts \(shown(text)) with \(shown(String(scalar)))")
    }
}

/// ASCII punctuation a CommonMark backslash escapes.
func isEscapable(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (0x21...0x2F ~= scalar.value || 0x3A...0x40 ~= scalar.value || 0x5B...0x60 ~= scalar.value || 0x7B...0x7E ~= scalar.value)
}

/// Inline Markdown: one line; every character that opens code, emphasis, links, HTML or a table
/// cell is backslash-escaped; `&` never starts an entity; removing the escapes gives the input
/// (as a single line).
func checkMarkdownInline(_ text: String) {
    let escaped = MarkdownEscaping.inline(text)
    let scalars = Array(escaped.unicodeScalars)
    var unescaped = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
        let scalar = scalars[index]
        require(scalar != "\n" && scalar != "\r", "inline Markdown has a line break: \(shown(escaped))")
        if scalar == "\\", index + 1 < scalars.count, isEscapable(scalars[index + 1]) {
            unescaped.append(scalars[index + 1])
            index += 2
            continue
        }
        require(!"`*[]<>|~".unicodeScalars.contains(scalar),
                "inline Markdown left \(shown(String(scalar))) unescaped at scalar \(index) of \(shown(escaped))")
        if scalar == "&", index + 1 < scalars.count {
            let next = scalars[index + 1]
            require(!(next == "#" || next.properties.isAlphabetic || next.properties.numericType != nil),
                    "inline Markdown left & before \(shown(String(next))) in \(shown(escaped))")
        }
        unescaped.append(scalar)
        index += 1
    }
    let expected = MarkdownEscaping.singleLine(text)
    require(unescaped.elementsEqual(expected.unicodeScalars),
            "unescaping inline(\(shown(text))) gives \(shown(String(unescaped))), not \(shown(expected))")
}

/// A code span: one line, opened and closed by runs of the same length with no run of that length
/// inside (which would close it early); the body, without the one padding space on each side, is the input.
func checkCodeSpan(_ text: String, inTable: Bool) {
    let span = MarkdownEscaping.codeSpan(text, inTable: inTable)
    let scalars = Array(span.unicodeScalars)
    require(!scalars.contains("\n") && !scalars.contains("\r"), "code span has a line break: \(shown(span))")
    let opening = scalars.prefix { $0 == "`" }.count
    let closing = scalars.reversed().prefix { $0 == "`" }.count
    require(opening > 0 && opening == closing && scalars.count > 2 * opening,
            "code span fences do not match: \(shown(span))")
    guard opening > 0, opening == closing, scalars.count > 2 * opening else { return }
    let body = Array(scalars[opening..<(scalars.count - closing)])
    var run = 0
    for scalar in body + [" "] {
        if scalar == "`" { run += 1; continue }
        require(run != opening, "a run of \(run) backticks closes the code span \(shown(span)) early")
        run = 0
    }
    if inTable {
        for (index, scalar) in body.enumerated() where scalar == "|" {
            require(index > 0 && body[index - 1] == "\\", "unescaped | in a table code span: \(shown(span))")
        }
    }
    var shownBody = body
    if shownBody.count >= 2, shownBody.first == " ", shownBody.last == " ", !shownBody.allSatisfy({ $0 == " " }) {
        shownBody = Array(shownBody.dropFirst().dropLast())
    }
    var expected = MarkdownEscaping.singleLine(text)
    if inTable { expected = expected.replacingOccurrences(of: "|", with: "\\|") }
    if expected.isEmpty { expected = " " }
    require(shownBody.elementsEqual(expected.unicodeScalars), "code span \(shown(span)) does not show \(shown(text))")
}

/// A fenced block: opened and closed by the same fence, no line inside that would close it, and
/// the lines inside are the input's (line endings normalized).
func checkFencedBlock(_ text: String) {
    let block = MarkdownEscaping.fencedBlock(text)
    let lines = block.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
    require(lines.count >= 3 && lines.last!.isEmpty, "fenced block is not fence, body, fence: \(shown(block))")
    let fence = lines[0]
    require(fence.count >= 3 && fence.allSatisfy { $0 == "`" }, "fenced block opening \(shown(String(String.UnicodeScalarView(fence))))")
    require(lines[lines.count - 2] == fence, "fenced block does not end with its opening fence: \(shown(block))")
    for line in lines[1..<(lines.count - 2)] {
        let indentless = line.drop { $0 == " " }
        let run = indentless.prefix { $0 == "`" }.count
        let closes = line.count - indentless.count <= 3 && run >= fence.count
            && indentless.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
        require(!closes, "line \(shown(String(String.UnicodeScalarView(line)))) closes the fence of \(shown(block)) early")
    }
    var body = lineFeeds(text)
    if body.unicodeScalars.last != "\n" { body += "\n" }
    let inside = lines[1..<(lines.count - 2)].map { String(String.UnicodeScalarView($0)) + "\n" }.joined()
    require(inside.unicodeScalars.elementsEqual(body.unicodeScalars), "fenced block does not show \(shown(text)) verbatim")
}

/// Prose converted to XHTML: well-formed, only the converter's elements, no handler or script URL.
func checkProseHTML(_ text: String) {
    let fragment = ProseHTML.html(fromMarkdown: text)
    let problems = XHTMLCheck.problems(in: "<div>" + fragment + "</div>")
    require(problems.isEmpty, "prose \(shown(text)) became \(shown(fragment)): " + problems.prefix(3).joined(separator: "; "))
}

/// The Mustache escaping every HTML template relies on: in an attribute and in text, the value
/// parses back as exactly itself and adds no element or attribute.
let probeTemplates: TemplateLibrary = {
    do {
        return try TemplateLibrary(ResourceStore(files: ["Templates/probe.html.mustache": "<p title=\"{{value}}\">{{value}}</p>"]))
    } catch { fatalError("probe template: \(error)") }
}()

func checkTemplateHTML(_ text: String) {
    guard let html = try? probeTemplates.render(["value": text], template: "probe.html") else {
        require(false, "probe template did not render")
        return
    }
    let parser = XMLParser(data: Data(html.utf8))
    let probe = TemplateProbe()
    parser.delegate = probe
    require(parser.parse(), "HTML template output of \(shown(text)) is not well-formed: \(shown(html))")
    require(probe.elements == ["p"] && probe.attributes.keys.sorted() == ["title"],
            "HTML template output of \(shown(text)) has elements \(probe.elements), attributes \(probe.attributes.keys.sorted())")
    // XML turns CR LF and CR into LF, and line breaks and tabs in attribute values into spaces.
    // (Scalar by scalar: Foundation's `replacingOccurrences` would not match a CR before a combining mark.)
    let lineFed = lineFeeds(xmlLegal(text))
    let normalized = String(String.UnicodeScalarView(lineFed.unicodeScalars.map { $0 == "\n" || $0 == "\t" ? " " : $0 }))
    require(probe.attributes["title"].map { $0.unicodeScalars.elementsEqual(normalized.unicodeScalars) } ?? false,
            "attribute of \(shown(text)) reads back as \(shown(probe.attributes["title"] ?? "nil"))")
    require(probe.text.unicodeScalars.elementsEqual(lineFed.unicodeScalars), "text of \(shown(text)) reads back as \(shown(probe.text))")
}

/// `text` with CR LF and lone CR as LF, as an XML parser reads it.
func lineFeeds(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in text.unicodeScalars {
        if scalar == "\n" && previousWasCR { previousWasCR = false; continue }
        previousWasCR = scalar == "\r"
        result.append(scalar == "\r" ? "\n" : scalar)
    }
    return String(result)
}

final class TemplateProbe: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var attributes: [String: String] = [:]
    var text = ""
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(elementName)
        self.attributes.merge(attributes) { first, _ in first }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

/// `text` starts, once whitespace, control and format characters are dropped and ASCII letters
/// lowercased, with no scheme that runs script.
func requireNoScriptScheme(_ text: String, _ what: String) {
    let compact = String(String.UnicodeScalarView(text.unicodeScalars.filter {
        !$0.properties.isWhitespace && $0.properties.generalCategory != .control && $0.properties.generalCategory != .format
    })).lowercased()
    for scheme in ["javascript:", "vbscript:", "data:"] {
        require(!compact.hasPrefix(scheme), "\(what) \(shown(text))")
    }
}

/// A URL the link check accepts never has a script scheme, however it is spaced or cased.
func checkSafeURL(_ text: String) {
    guard HTMLEscaping.isSafeURL(text) else { return }
    requireNoScriptScheme(text, "isSafeURL accepts")
}

/// Prose with raw HTML neutralized: outside the code blocks it finds, every `<` is escaped, and
/// the result ends outside any fenced block (read as CommonMark reads fences, independently of
/// `MarkdownFence`), so nothing after the prose is swallowed.
func checkNeutralizingHTML(_ text: String) {
    let result = MarkdownEscaping.neutralizingHTML(in: text)
    var open: (character: Unicode.Scalar, length: Int)?
    for line in result.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
        let indentless = line.drop { $0 == " " }
        let indent = line.count - indentless.count
        if let fence = open {
            let run = indentless.prefix { $0 == fence.character }.count
            if indent <= 3 && run >= fence.length && indentless.dropFirst(run).allSatisfy({ $0 == " " || $0 == "\t" }) { open = nil }
            continue
        }
        guard indent <= 3, let first = indentless.first, first == "`" || first == "~" else { continue }
        let run = indentless.prefix { $0 == first }.count
        if run >= 3 && !(first == "`" && indentless.dropFirst(run).contains("`")) { open = (first, run) }
    }
    require(open == nil, "neutralizingHTML(\(shown(text))) ends inside a fenced block: \(shown(result))")
}

/// `MarkdownFence` against the CommonMark rules written out here: the first line's opening fence,
/// and which later lines close it.
func checkMarkdownFence(_ text: String) {
    let lines = MarkdownFence.lines(of: text)
    let first = lines[0]
    let indentless = first.drop { $0 == " " }
    let indent = first.count - indentless.count
    var expected: (Unicode.Scalar, Int)?
    if indent <= 3, let character = indentless.first, character == "`" || character == "~" {
        let run = indentless.prefix { $0 == character }.count
        if run >= 3 && !(character == "`" && indentless.dropFirst(run).contains("`")) { expected = (character, run) }
    }
    let fence = MarkdownFence.opening(first)
    require(fence?.character == expected?.0 && fence?.length == expected?.1 && (fence == nil || fence?.indent == indent),
            "MarkdownFence.opening(\(shown(String(String.UnicodeScalarView(first))))) is \(String(describing: fence))")
    guard let fence else { return }
    require(MarkdownFence.opening(Array(fence.closingLine.unicodeScalars)) != nil && fence.isClosed(by: Array(fence.closingLine.unicodeScalars)),
            "closing line of \(fence) does not close it")
    for line in lines.dropFirst() {
        let rest = line.drop { $0 == " " }
        let run = rest.prefix { $0 == fence.character }.count
        let closes = line.count - rest.count <= 3 && run >= fence.length && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
        require(fence.isClosed(by: line) == closes, "\(fence).isClosed(by: \(shown(String(String.UnicodeScalarView(line))))) is not \(closes)")
    }
}

let mermaidEntities: [String: Unicode.Scalar] = [
    "#35;": "#", "#quot;": "\"", "#lt;": "<", "#gt;": ">", "#amp;": "&", "#96;": "`", "#124;": "|", "#59;": ";",
]

/// A Mermaid label: no character that ends the quoted label or starts markup survives except in an
/// entity, no line break, control or XML-forbidden scalar; decoding the entities gives the input on one
/// line with its control characters dropped.
func checkMermaidLabel(_ text: String) {
    let label = MermaidEscaping.label(text)
    let scalars = Array(label.unicodeScalars)
    var decoded = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
        let scalar = scalars[index]
        require(!"\"<>&`|;".unicodeScalars.contains(scalar), "Mermaid label left \(shown(String(scalar))) raw in \(shown(label))")
        require(scalar.properties.generalCategory != .control && isXMLCharacter(scalar) && scalar != "\u{2028}" && scalar != "\u{2029}",
                "Mermaid label keeps \(shown(String(scalar))) in \(shown(label))")
        if scalar == "#" {
            let rest = scalars[index...].prefix(6)
            guard let (entity, character) = mermaidEntities.first(where: { rest.starts(with: $0.key.unicodeScalars) }) else {
                require(false, "Mermaid label has a # that starts no entity: \(shown(label))")
                return
            }
            decoded.append(character)
            index += entity.unicodeScalars.count
            continue
        }
        decoded.append(scalar)
        index += 1
    }
    var expected = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        if "\n\r\t\u{2028}\u{2029}".unicodeScalars.contains(scalar) { expected.append(" ") }
        else if scalar.properties.generalCategory != .control && isXMLCharacter(scalar) { expected.append(scalar) }
    }
    require(decoded.elementsEqual(expected), "decoding Mermaid label \(shown(label)) gives \(shown(String(decoded)))")
}

/// Characters a reader cannot see or that break a line (the shell word and Python literal must escape them).
func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: true
    default: false
    }
}

func hexValue(_ digits: ArraySlice<Unicode.Scalar>, count: Int) -> Unicode.Scalar? {
    guard digits.count == count, let value = UInt32(String(String.UnicodeScalarView(digits)), radix: 16),
          digits.allSatisfy({ $0.properties.isASCIIHexDigit }) else { return nil }
    return Unicode.Scalar(value)
}

/// Quote removal as bash does it for one word made of bare characters, `'…'`, `\'` and `$'…'` parts
/// (with the escapes `ShellWord` writes); `nil` when the word holds anything else: a character the shell
/// would act on, whitespace that splits it, an unknown escape or an unterminated quote.
func shellWordValue(_ word: String) -> String? {
    let scalars = Array(word.unicodeScalars)
    var value = String.UnicodeScalarView()
    var index = 0
    let bare = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-".unicodeScalars)
    while index < scalars.count {
        let scalar = scalars[index]
        if bare.contains(scalar) {
            value.append(scalar)
            index += 1
        } else if scalar == "\\", index + 1 < scalars.count, scalars[index + 1] == "'" {
            value.append("'")
            index += 2
        } else if scalar == "'" {
            guard let end = scalars[(index + 1)...].firstIndex(of: "'") else { return nil }
            // Only visible characters inside: a control character would break or hide the line.
            guard !scalars[(index + 1)..<end].contains(where: isInvisible) else { return nil }
            value.append(contentsOf: scalars[(index + 1)..<end])
            index = end + 1
        } else if scalar == "$", index + 1 < scalars.count, scalars[index + 1] == "'" {
            index += 2
            while true {
                guard index < scalars.count else { return nil }
                let inner = scalars[index]
                if inner == "'" { index += 1; break }
                guard !isInvisible(inner) else { return nil }
                guard inner == "\\" else { value.append(inner); index += 1; continue }
                guard index + 1 < scalars.count else { return nil }
                let escape = scalars[index + 1]
                let simple: [Unicode.Scalar: Unicode.Scalar] = ["n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'"]
                if let character = simple[escape] { value.append(character); index += 2; continue }
                let width = escape == "x" ? 2 : escape == "u" ? 4 : escape == "U" ? 8 : 0
                guard width > 0, let character = hexValue(scalars[(index + 2)..<min(scalars.count, index + 2 + width)], count: width),
                      character != "\0" else { return nil }
                value.append(character)
                index += 2 + width
            }
        } else {
            return nil
        }
    }
    return String(value)
}

/// One shell word: bare, single-quoted or `$'…'`; removing the quotes gives the input (NUL, which no
/// argument can hold, as U+FFFD). Checked structurally: running `bash -c` per input is too slow.
func checkShellWord(_ text: String) {
    let word = ShellWord.quoted(text)
    require(!word.isEmpty, "ShellWord.quoted(\(shown(text))) is empty")
    let expected = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 }))
    guard let value = shellWordValue(word) else {
        require(false, "ShellWord.quoted(\(shown(text))) is not one plain shell word: \(shown(word))")
        return
    }
    require(value.unicodeScalars.elementsEqual(expected.unicodeScalars),
            "ShellWord.quoted(\(shown(text))) is \(shown(word)), which the shell reads as \(shown(value))")
    let pair = ShellWord.quoted([text, text])
    require(pair == word + " " + word, "ShellWord.quoted([x, x]) is not two words: \(shown(pair))")
}

/// The value of a Python `"…"` literal with the escapes `PythonLiteral` writes; `nil` when the
/// literal is anything else (another escape, a raw quote, backslash or invisible character, a line break).
func pythonStringValue(_ literal: some Collection<Unicode.Scalar>) -> String? {
    let scalars = Array(literal)
    guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
    var value = String.UnicodeScalarView()
    var index = 1
    let end = scalars.count - 1
    while index < end {
        let scalar = scalars[index]
        guard scalar != "\"", !isInvisible(scalar) else { return nil }
        guard scalar == "\\" else { value.append(scalar); index += 1; continue }
        guard index + 1 < end else { return nil }
        let escape = scalars[index + 1]
        let simple: [Unicode.Scalar: Unicode.Scalar] = ["n": "\n", "t": "\t", "r": "\r", "\\": "\\", "\"": "\""]
        if let character = simple[escape] { value.append(character); index += 2; continue }
        let width = escape == "x" ? 2 : escape == "u" ? 4 : escape == "U" ? 8 : 0
        guard width > 0, let character = hexValue(scalars[(index + 2)..<min(end, index + 2 + width)], count: width) else { return nil }
        value.append(character)
        index += 2 + width
    }
    return String(value)
}

/// A Python `str` literal on one line whose value is the input; a list of two is two such literals.
func checkPythonLiteral(_ text: String) {
    let literal = PythonLiteral.string(text)
    guard let value = pythonStringValue(literal.unicodeScalars) else {
        require(false, "PythonLiteral.string(\(shown(text))) is not a plain literal: \(shown(literal))")
        return
    }
    require(value.unicodeScalars.elementsEqual(text.unicodeScalars), "PythonLiteral.string(\(shown(text))) reads back as \(shown(value))")
    require(PythonLiteral.list([text, text]) == "[\(literal), \(literal)]", "PythonLiteral.list([x, x]) of \(shown(text))")
}

/// What a terminal could act on or cannot show: C0, DEL, C1, format characters but ZWNJ and ZWJ, line and
/// paragraph separators.
func isTerminalActive(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return true }
    if scalar == "\u{200C}" || scalar == "\u{200D}" { return false }
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator: return true
    default: return false
    }
}

/// Terminal text: no active scalar left (a line feed only in `escapedLines`), and the output is the
/// input with each active scalar spelled `\u{HEX}` as documented.
func checkTerminalText(_ text: String) {
    for keepLines in [false, true] {
        let output = keepLines ? TerminalText.escapedLines(text) : TerminalText.escaped(text)
        var expected = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isTerminalActive(scalar) && !(keepLines && scalar == "\n") {
                expected.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                expected.append(scalar)
            }
        }
        require(!output.unicodeScalars.contains { isTerminalActive($0) && !(keepLines && $0 == "\n") },
                "TerminalText (keepLines: \(keepLines)) left an active scalar in \(shown(output))")
        require(output.unicodeScalars.elementsEqual(expected), "TerminalText (keepLines: \(keepLines)) of \(shown(text)) is \(shown(output))")
    }
}

/// JSON made inert for a terminal: no active scalar, and it parses back to the same value.
func checkInertJSON(_ text: String) {
    guard let data = try? JSONSerialization.data(withJSONObject: ["v": text, "w": [text]], options: [.sortedKeys]),
          let json = String(data: data, encoding: .utf8) else { return }
    let inert = TerminalText.inertJSON(json)
    require(!inert.unicodeScalars.contains(where: isTerminalActive), "inertJSON left an active scalar in \(shown(inert))")
    guard let object = try? JSONSerialization.jsonObject(with: Data(inert.utf8)) as? [String: Any] else {
        require(false, "inertJSON of \(shown(json)) is not JSON: \(shown(inert))")
        return
    }
    require((object["v"] as? String).map { $0.unicodeScalars.elementsEqual(text.unicodeScalars) } ?? false,
            "inertJSON of \(shown(json)) reads back as \(shown(String(describing: object["v"])))")
}
