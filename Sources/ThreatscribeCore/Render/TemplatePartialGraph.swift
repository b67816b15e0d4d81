/// Which templates include which (`{{> name}}` partials and `{{< name}}` parents), read from the template
/// texts, so that a template including itself, directly or through others, is an error when the
/// templates are loaded instead of endless recursion when they are rendered.
///
/// Follows set-delimiter tags (`{{=<% %>=}}`). Dynamic partials (`{{>*name}}`) take their name from the
/// view, where no check at load time can follow them; they are refused.
struct TemplatePartialGraph {
    /// One inclusion: the included template's name and where the tag is.
    struct Inclusion: Equatable {
        var name: String
        var line: Int
        var column: Int
    }

    /// Template name (`partials/finding.md`) → its path in the resource store.
    let paths: [String: String]
    /// Template name → the inclusions in its text, in order.
    private(set) var inclusions: [String: [Inclusion]] = [:]

    /// Reads the inclusions of every template; `texts` maps template names to their texts.
    init(texts: [String: String], paths: [String: String]) throws(RenderError) {
        self.paths = paths
        for (name, text) in texts {
            inclusions[name] = try Self.inclusions(in: text, path: paths[name] ?? name)
        }
    }

    /// The graph of inclusions already read (template name → its inclusions, in order).
    init(inclusions: [String: [Inclusion]], paths: [String: String]) {
        self.paths = paths
        self.inclusions = inclusions
    }

    /// Throws for the first cycle found (in name order): the template whose tag closes it, and the chain.
    func checkAcyclic() throws(RenderError) {
        var finished: Set<String> = []
        for start in inclusions.keys.sorted() where !finished.contains(start) {
            // Depth-first with an explicit stack: (template, index of its next inclusion).
            var stack: [(name: String, next: Int)] = [(start, 0)]
            var onPath: Set<String> = [start]
            while let top = stack.last {
                let list = inclusions[top.name] ?? []
                guard top.next < list.count else {
                    finished.insert(top.name)
                    onPath.remove(top.name)
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let inclusion = list[top.next]
                if onPath.contains(inclusion.name) {
                    let chain = stack.map(\.name).drop { $0 != inclusion.name } + [inclusion.name]
                    throw RenderError.recursiveTemplate(
                        path: paths[top.name] ?? top.name, line: inclusion.line, column: inclusion.column,
                        chain: Array(chain))
                }
                if !finished.contains(inclusion.name), inclusions[inclusion.name] != nil {
                    onPath.insert(inclusion.name)
                    stack.append((inclusion.name, 0))
                }
            }
        }
    }

    /// The partial and parent tags of one template text, following delimiter changes; columns count
    /// Unicode scalars.
    static func inclusions(in text: String, path: String) throws(RenderError) -> [Inclusion] {
        // On UTF-8 bytes: a delimiter starts with an ASCII or lead byte, so it only matches at a
        // scalar boundary, as on scalars.
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var found: [Inclusion] = []
        var index = 0, line = 1, lineStart = 0
        func hasPrefix(_ prefix: [UInt8], at position: Int) -> Bool {
            guard position + prefix.count <= bytes.count else { return false }
            for offset in prefix.indices where bytes[position + offset] != prefix[offset] { return false }
            return true
        }
        let lineFeed = UInt8(ascii: "\n")
        while index < bytes.count {
            if bytes[index] == lineFeed { line += 1; lineStart = index + 1; index += 1; continue }
            guard hasPrefix(open, at: index) else { index += 1; continue }
            let tagLine = line
            // Scalars before the tag on its line: bytes that are not UTF-8 continuation bytes.
            let tagColumn = bytes[lineStart..<index].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            var end = index + open.count
            while end < bytes.count, !hasPrefix(close, at: end) {
                if bytes[end] == lineFeed { line += 1; lineStart = end + 1 }
                end += 1
            }
            let contentRange = (index + open.count)..<min(end, bytes.count)
            index = min(end + close.count, bytes.count)
            // Only a tag whose first character after spaces is `=`, `>` or `<` can be either kind
            // below; the others (nearly all) are not made into strings.
            guard let first = bytes[contentRange].first(where: { !Self.spaceBytes.contains($0) }),
                  first == UInt8(ascii: "=") || first == UInt8(ascii: ">") || first == UInt8(ascii: "<") else { continue }
            let content = String(decoding: bytes[contentRange], as: UTF8.self)
            let trimmed = content.trimmingSpaces
            if trimmed.hasPrefix("="), trimmed.hasSuffix("="), trimmed.count >= 2 {
                let delimiters = trimmed.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if delimiters.count == 2 { open = Array(delimiters[0].utf8); close = Array(delimiters[1].utf8) }
            } else if let kind = trimmed.first, kind == ">" || kind == "<" {
                let name = String(trimmed.dropFirst()).trimmingSpaces
                if name.hasPrefix("*") {
                    throw RenderError.templateSyntax(path: path, line: tagLine, column: tagColumn,
                                                     message: "dynamic partials (`{{>*name}}`) are not supported")
                }
                found.append(Inclusion(name: name, line: tagLine, column: tagColumn))
            }
        }
        return found
    }

    private static let spaceBytes: [UInt8] = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
}

private extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.reversed())
    }
}
