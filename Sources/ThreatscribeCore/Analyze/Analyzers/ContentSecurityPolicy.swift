/// A parsed Content-Security-Policy: directive name → source list (lower-cased names).
struct CSP {
    var directives: [String: [String]] = [:]

    init(text: String) {
        for part in text.split(separator: ";") {
            let tokens = part.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let name = tokens.first?.lowercased(), directives[name] == nil else { continue }
            directives[name] = Array(tokens.dropFirst())
        }
    }

    /// The sources that apply to a fetch directive, falling back to `default-src` as browsers do.
    func effective(_ name: String) -> [String] {
        if let own = directives[name] { return own }
        if name == "script-src-elem" || name == "script-src-attr", let script = directives["script-src"] { return script }
        return directives["default-src"] ?? []
    }

    /// `*` or a scheme-only source such as `https:`, `data:`, `ws:`: any host on that scheme.
    static func isBroad(_ source: String) -> Bool {
        if source == "*" { return true }
        let lowered = source.lowercased()
        return lowered.hasSuffix(":") && !lowered.hasPrefix("'") && lowered.dropLast().allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }
}
