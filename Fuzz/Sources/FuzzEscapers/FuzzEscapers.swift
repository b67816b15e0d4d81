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
// is a string). With `FUZZ_SKIP_KNOWN=1` inputs in the classes issue 7 already reports are
// skipped — a character made of more than one Unicode scalar (grapheme merging) and scalars XML
// forbids — so a run can look for other problems while those are being fixed.

let skipKnown = ProcessInfo.processInfo.environment["FUZZ_SKIP_KNOWN"] == "1"

/// Escaper name and its check, in the order the first input byte selects them.
let cases: [(name: String, check: (String) -> Void)] = [
    ("escapedXML", checkXMLEscaping),
    ("MarkdownEscaping.inline", checkMarkdownInline),
    ("MarkdownEscaping.codeSpan", { checkCodeSpan($0, inTable: false) }),
    ("MarkdownEscaping.codeSpan(inTable:)", { checkCodeSpan($0, inTable: true) }),
    ("MarkdownEscaping.fencedBlock", checkFencedBlock),
    ("MarkdownEscaping.neutralizingHTML", { _ = MarkdownEscaping.neutralizingHTML(in: $0) }),
    ("ProseHTML.html(fromMarkdown:)", checkProseHTML),
    ("HTML template {{value}}", checkTemplateHTML),
    ("XHTMLFragment.isSafeURL", checkSafeURL),
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
    if skipKnown && isKnownIssue7Class(text) { return 0 }
    cases[Int(selector) % cases.count].check(text)
    return 0
}

/// Text in a class issue 7 already reports: grapheme clusters of several scalars, or scalars XML 1.0 forbids.
/// Removing control characters (as `singleLine` does) can make new clusters, so both are looked at.
func isKnownIssue7Class(_ text: String) -> Bool {
    let controlless = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.generalCategory != .control }))
    return text.contains { $0.unicodeScalars.count > 1 } || controlless.contains { $0.unicodeScalars.count > 1 } || text.unicodeScalars.contains { !isXMLCharacter($0) }
}

func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
}

let xmlEntities = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'"]

/// XML text and attributes: no `<`, `>`, `"`, `'` and no `&` but an entity's; unescaping gives the input.
func checkXMLEscaping(_ text: String) {
    let escaped = escapedXML(text)
    let scalars = Array(escaped.unicodeScalars)
    var unescaped = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
        let scalar = scalars[index]
        require(!"<>\"'".unicodeScalars.contains(scalar), "escapedXML left \(shown(String(scalar))) raw in \(shown(escaped))")
        if scalar == "&" {
            let rest = String(String.UnicodeScalarView(scalars[index...].prefix(6)))
            guard let (entity, character) = xmlEntities.first(where: { rest.unicodeScalars.starts(with: $0.key.unicodeScalars) }) else {
                require(false, "escapedXML left a bare & in \(shown(escaped))")
                return
            }
            unescaped.append(contentsOf: character.unicodeScalars)
            index += entity.unicodeScalars.count
            continue
        }
        unescaped.append(scalar)
        index += 1
    }
    require(unescaped.elementsEqual(text.unicodeScalars), "unescaping escapedXML(\(shown(text))) gives \(shown(String(unescaped)))")
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
    // Known and harmless: a body of spaces only is padded too, and CommonMark keeps the padding,
    // so `codeSpan(" ")` shows three spaces.
    if expected.unicodeScalars.allSatisfy({ $0 == " " }) && shownBody.allSatisfy({ $0 == " " }) { return }
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
    var body = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    if !body.hasSuffix("\n") { body += "\n" }
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
    let lineFed = lineFeeds(text)
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

/// A URL the link check accepts never has a script scheme, however it is spaced or cased.
func checkSafeURL(_ text: String) {
    guard XHTMLFragment.isSafeURL(text) else { return }
    let compact = String(String.UnicodeScalarView(text.unicodeScalars.filter {
        !$0.properties.isWhitespace && $0.properties.generalCategory != .control && $0.properties.generalCategory != .format
    })).lowercased()
    for scheme in ["javascript:", "vbscript:", "data:"] {
        require(!compact.hasPrefix(scheme), "isSafeURL accepts \(shown(text))")
    }
}
