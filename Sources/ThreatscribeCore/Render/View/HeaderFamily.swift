/// Security response header findings on one middleware: one middleware that sets every header fixes them
/// all, so the report shows them as one item whose fix lists each header with its own severity and reason.
enum HeaderFamily {
    /// The headers each threat's fix sets, with the value for an API (a JSON-only policy that breaks nothing).
    static let headers: [String: [(name: String, value: String)]] = [
        "TS-HDR-001": [("Strict-Transport-Security", "max-age=31536000; includeSubDomains")],
        "TS-HDR-002": [("Strict-Transport-Security", "max-age=31536000; includeSubDomains")],
        "TS-HDR-003": [("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'")],
        "TS-HDR-007": [("X-Frame-Options", "DENY")],
        "TS-HDR-008": [("X-Content-Type-Options", "nosniff")],
        "TS-HDR-009": [("Referrer-Policy", "no-referrer")],
        "TS-HDR-010": [("X-XSS-Protection", "0")],
        "TS-HDR-011": [("Cross-Origin-Opener-Policy", "same-origin"), ("Cross-Origin-Resource-Policy", "same-origin")],
        "TS-HDR-013": [("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"),
                       ("Referrer-Policy", "no-referrer"), ("Cross-Origin-Resource-Policy", "same-origin"),
                       ("X-XSS-Protection", "0")],
    ]

    /// What each threat is about, in the item's title.
    static let labels: [String: String] = [
        "TS-HDR-001": "HSTS", "TS-HDR-002": "HSTS max-age", "TS-HDR-003": "CSP", "TS-HDR-007": "framing",
        "TS-HDR-008": "nosniff", "TS-HDR-009": "Referrer-Policy", "TS-HDR-010": "X-XSS-Protection",
        "TS-HDR-011": "COOP/CORP", "TS-HDR-013": "document headers",
    ]

    static func contains(_ threatID: String) -> Bool { headers[threatID] != nil }

    /// The item for `members` (sorted, most severe first; more than one threat): the first member with the
    /// family's title, a two-sentence description, the union of the evidence, what each header's absence
    /// allows as a table, and one fix for every header.
    static func finding(_ members: [Finding]) -> Finding {
        var seen: Set<String> = []
        let distinct = members.filter { seen.insert($0.threatID).inserted }
        var names: [String] = []
        var settings: [(name: String, value: String)] = []
        for member in distinct {
            for header in headers[member.threatID] ?? [] where !names.contains(header.name) {
                names.append(header.name)
                settings.append(header)
            }
        }
        var item = members[0]
        item.title = "Security response headers missing or weak: "
            + distinct.compactMap { labels[$0.threatID] }.joined(separator: ", ")
        item.description = "Responses lack or weaken \(names.count) security headers (\(distinct.count) findings). "
            + "One middleware that sets them all fixes every one."
        item.impactText = table(distinct, all: members)
        // Where the model says so; what each header's absence means is the table under "Why it matters", so
        // the values ("no Content-Security-Policy in middleware: …") are not repeated.
        var evidence: [Evidence] = []
        for member in distinct {
            for var line in member.evidence where line.fact != "env.kind" && !evidence.contains(where: { $0.path == line.path }) {
                line.fact = nil
                line.value = ""
                evidence.append(line)
            }
        }
        item.evidence = evidence
        item.recommendation = fix(settings, at: item)
        item.validation = check(distinct, names: names)
        item.references = distinct.flatMap(\.references).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        return item
    }

    /// | Finding | Severity | Why |, one row per threat; a threat that holds in fewer environments than the
    /// item says where.
    private static func table(_ distinct: [Finding], all members: [Finding]) -> String {
        let places = { (threatID: String) -> [String] in
            var names: [String] = []
            for member in members where member.threatID == threatID {
                for name in member.environments where !names.contains(name) { names.append(name) }
            }
            return names
        }
        let everywhere = Set(distinct.flatMap { places($0.threatID) })
        var lines = ["| Finding | Severity | Why |", "| --- | --- | --- |"]
        for member in distinct {
            var title = EnvironmentFreeTitle.title(member.title, environments: member.environments)
            if Set(places(member.threatID)) != everywhere { title += " (in \(places(member.threatID).joined(separator: ", ")))" }
            let why = ProseExcerpt.leading(1, of: member.impactText)
            lines.append("| \(MarkdownEscaping.codeSpan(FindingGroup.rootID(of: member), inTable: true)) "
                         + "\(cell(MarkdownEscaping.singleLine(title))) | \(member.severity.label) "
                         + "| \(cell(MarkdownEscaping.singleLine(why))) |")
        }
        return lines.joined(separator: "\n")
    }

    /// GFM splits table cells on `|`, even in code spans.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    private static func fix(_ settings: [(name: String, value: String)], at item: Finding) -> String {
        let place = item.evidence.compactMap(\.codeLocation).first.map { "in the existing middleware (\(MarkdownEscaping.codeSpan($0.description))) or " }
            ?? ""
        let width = settings.map(\.name.count).max() ?? 0
        let rows = settings.map { "    \"\($0.name)\":\(String(repeating: " ", count: width - $0.name.count + 1))\"\($0.value)\"," }
        var text = "Set every header on every response, \(place)in one middleware:\n\n```python\nSECURITY_HEADERS = {\n"
            + rows.joined(separator: "\n") + "\n}\n\n@app.middleware(\"http\")\nasync def security_headers(request, call_next):\n"
            + "    response = await call_next(request)\n    for name, value in SECURITY_HEADERS.items():\n"
            + "        response.headers[name] = value\n    return response\n```"
        if settings.contains(where: { $0.name == "Content-Security-Policy" }) {
            text += "\n\nThis Content-Security-Policy suits JSON responses but blocks pages that run scripts "
                + "(Swagger UI, ReDoc): skip those paths here and give them their own, looser policy."
        }
        return text
    }

    /// The first member's check command, grepping for every header; each member's own check when it has none.
    private static func check(_ members: [Finding], names: [String]) -> String {
        for member in members {
            guard let line = member.validation.split(separator: "\n").first(where: { $0.hasPrefix("curl ") }),
                  let pipe = line.range(of: " | grep") else { continue }
            let pattern = names.map { $0.lowercased() }.joined(separator: "|")
            return "```bash\n\(line[..<pipe.lowerBound]) | grep -i -E '^(\(pattern)):'\n```\nMust show every header, with the value above."
        }
        return members.map(\.validation).joined(separator: "\n\n")
    }
}
