/// A concrete origin that an `allow_origin_regex` admits although it is not the intended domain
/// (or one of its subdomains), found by walking the regex — never from a fixed list — and verified
/// with the same matcher ``CORSEvaluator`` uses.
public struct SloppyOriginRegexFinding: Hashable, Sendable {
    /// Why the regex admits the attacker origin.
    public enum Weakness: String, Hashable, Sendable, CaseIterable {
        /// An unescaped `.` matches any character, e.g. `https://.*.example.com` admits `https://evil-example.com`.
        case unescapedDot = "unescaped-dot"
        /// A wildcard (`.*`, `[a-z]*`, …) can produce a different registrable domain, e.g. `https://[a-z]*example\.com`.
        case permissiveWildcard = "permissive-wildcard"
        /// `re.match` before Starlette 0.13.1 ignores what follows the match: a suffix such as `.attacker.net` is admitted.
        case unanchoredEnd = "unanchored-end"
        /// `http://` is admitted for a host meant to be served over `https://` (active network attackers can inject script there).
        case cleartextScheme = "cleartext-scheme"
    }

    /// The attacker-controlled origin that the regex admits.
    public let attackerOrigin: String
    /// The weakness it demonstrates.
    public let weakness: Weakness
    /// The registrable domains the regex was apparently written for (from its literal reading).
    public let intendedDomains: [String]
}

/// Walks an ``OriginRegex`` to find attacker origins it admits.
public enum SloppyOriginRegexProbe {
    /// The most telling attacker origin, or `nil` when none is found.
    public static func attackerOrigin(for regex: OriginRegex, version: StarletteVersion = .newestKnown) -> SloppyOriginRegexFinding? {
        findings(for: regex, version: version).first
    }

    /// At most one finding per weakness, most telling first; every origin is verified with
    /// ``OriginRegex/admits(_:in:)``.
    public static func findings(for regex: OriginRegex, version: StarletteVersion = .newestKnown) -> [SloppyOriginRegexFinding] {
        let legitimate = Set(legitimateSamples(regex.root)).sorted()
        let legitimateOrigins = legitimate.compactMap(ParsedOrigin.init)
        let intended = Array(Set(legitimate.compactMap(ParsedOrigin.intendedDomain(fromSample:)))).sorted()
        guard !intended.isEmpty else { return [] }

        // An attacker can only register under delegated top-level domains: accept the intended
        // domains' TLDs and a few common ones (so `www.examplexcom` is not reported).
        let registrableTLDs = Set(intended.compactMap { $0.split(separator: ".").last.map(String.init) })
            .union(["com", "net", "org", "io", "dev", "app"])
        var candidates = attackFills(regex.root, isTopLevel: true)
        if !version.matchesOriginRegexFully {
            candidates += (legitimate.map { Fill($0, []) } + candidates).map {
                Fill($0.text + ".attacker.net", $0.tags.union([.unanchoredEnd]))
            }
        }
        var found: [SloppyOriginRegexFinding.Weakness: (rank: Int, length: Int, origin: String)] = [:]
        for candidate in candidates {
            guard let origin = ParsedOrigin(candidate.text), origin.host.contains("."),
                  origin.host.split(separator: ".").last.map({ registrableTLDs.contains(String($0)) }) ?? false,
                  !intended.contains(where: { origin.isWithin($0) }),
                  regex.admits(candidate.text, in: version) else { continue }
            let weakness: SloppyOriginRegexFinding.Weakness =
                candidate.tags.contains(.unescapedDot) ? .unescapedDot
                : candidate.tags.contains(.unanchoredEnd) ? .unanchoredEnd
                : .permissiveWildcard
            let text = candidate.text
            let rank = (text.contains("evil") || text.contains("attacker")) ? 0 : 1
            if let existing = found[weakness], (existing.rank, existing.length, existing.origin) <= (rank, text.count, text) { continue }
            found[weakness] = (rank, text.count, text)
        }
        for origin in legitimateOrigins where origin.scheme == "https" {
            let downgraded = "http://" + origin.authority
            if regex.admits(downgraded, in: version), found[.cleartextScheme].map({ downgraded < $0.origin }) ?? true {
                found[.cleartextScheme] = (0, downgraded.count, downgraded)
            }
        }
        return SloppyOriginRegexFinding.Weakness.allCases.compactMap { weakness in
            found[weakness].map { SloppyOriginRegexFinding(attackerOrigin: $0.origin, weakness: weakness, intendedDomains: intended) }
        }
    }

    // MARK: - Walking the regex

    struct Fill: Hashable {
        var text: String
        var tags: Set<SloppyOriginRegexFinding.Weakness>
        init(_ text: String, _ tags: Set<SloppyOriginRegexFinding.Weakness>) {
            self.text = text
            self.tags = tags
        }
    }

    private static let fillLimit = 4000

    /// The most literal readings kept: enough for every intended domain of a real pattern, while a
    /// pattern of many optional items (2ⁿ readings) stays cheap.
    private static let sampleLimit = 64

    /// The literal reading: `.` as a dot, optional parts both absent and present, wildcards as
    /// nothing or as one plausible label.
    static func legitimateSamples(_ node: OriginRegexNode) -> [String] {
        switch node {
        case .empty, .startAnchor, .endAnchor, .endOfString: return [""]
        case let .literal(c): return [String(Character(c))]
        case .anyCharacter: return ["."]
        case let .set(set): return [representative(of: set)].compactMap { $0 }
        case let .group(inner): return legitimateSamples(inner)
        case let .alternation(branches): return Array(branches.flatMap(legitimateSamples).prefix(sampleLimit))
        case let .sequence(items):
            return items.reduce([""]) { partial, item in
                let next = legitimateSamples(item)
                return Array(partial.lazy.flatMap { p in next.map { p + $0 } }.prefix(sampleLimit))
            }
        case let .repetition(inner, min, max, _):
            if min == 0 && max == 1 { return [""] + legitimateSamples(inner) }
            if min == 0 { return [""] }
            if accepts(inner, every: "app"), (max ?? Int.max) >= 3, min <= 3 { return ["app"] }
            return legitimateSamples(inner).map { String(repeating: $0, count: min) }
        }
    }

    /// Fills that try to escape the intended domain, tagged with the weakness each exploits.
    static func attackFills(_ node: OriginRegexNode, isTopLevel: Bool = false) -> [Fill] {
        switch node {
        case .empty, .startAnchor, .endAnchor, .endOfString: return [Fill("", [])]
        case let .literal(c): return [Fill(String(Character(c)), [])]
        case .anyCharacter: return [Fill(".", []), Fill("-", [.unescapedDot]), Fill("x", [.unescapedDot])]
        case let .set(set):
            let usual = representative(of: set)
            return [".", "a", "0", "-"].filter { set.contains($0) }.map {
                let text = String(Character($0))
                return Fill(text, text == usual ? [] : [.permissiveWildcard])
            }
        case let .group(inner): return attackFills(inner)
        case let .alternation(branches):
            let fills = branches.flatMap { attackFills($0) }
            return Array(fills.prefix(fillLimit))
        case let .sequence(items):
            return sequenceFills(items)
        case let .repetition(inner, min, max, _):
            var fills = legitimateSamples(node).map { Fill($0, []) }
            for word in ["evil", "attacker.net", "evil.attacker.net", "evil-", "https://evil.attacker.net"] where accepts(inner, every: word) {
                if word.count >= min && word.count <= (max ?? Int.max) { fills.append(Fill(word, [.permissiveWildcard])) }
            }
            if min <= 1 && (max ?? 1) >= 1 {
                fills += attackFills(inner).filter { !$0.text.isEmpty }
            }
            return Array(Set(fills)).sorted { ($0.text, $0.tags.count) < ($1.text, $1.tags.count) }
        }
    }

    /// The most items of a sequence a fill departs from the literal reading in.
    private static let maximumDeviations = 2

    /// Fills of a sequence that depart from the literal reading (a fill with tags) in at most
    /// `maximumDeviations` items, fewest departures first. Every item is tried as the departure, so a
    /// long pattern costs work linear in its length (the full product of fills grows as 3ⁿ for n dots).
    private static func sequenceFills(_ items: [OriginRegexNode]) -> [Fill] {
        let levelLimit = fillLimit / (maximumDeviations + 1)
        var levels: [[Fill]] = [[Fill("", [])]] + Array(repeating: [], count: maximumDeviations)
        for item in items {
            let next = attackFills(item)
            let literal = next.filter { $0.tags.isEmpty }
            let departing = next.filter { !$0.tags.isEmpty }
            var updated: [[Fill]] = Array(repeating: [], count: maximumDeviations + 1)
            for level in levels.indices {
                for partial in levels[level] {
                    for fill in literal where updated[level].count < levelLimit {
                        updated[level].append(Fill(partial.text + fill.text, partial.tags.union(fill.tags)))
                    }
                    guard level < maximumDeviations else { continue }
                    for fill in departing where updated[level + 1].count < levelLimit {
                        updated[level + 1].append(Fill(partial.text + fill.text, partial.tags.union(fill.tags)))
                    }
                }
            }
            levels = updated
        }
        return levels.flatMap { $0 }
    }

    /// `node` matches each character of `word` on its own.
    private static func accepts(_ node: OriginRegexNode, every word: String) -> Bool {
        word.unicodeScalars.allSatisfy { c in
            let run = OriginRegexRun(input: [c])
            return run.match(node, at: 0) { $0 == 1 }
        }
    }

    private static func representative(of set: OriginRegexCharacterSet) -> String? {
        representativeScalar(of: set).map { String(Character($0)) }
    }

    /// A plausible character of `set`: `.`, `a`, `e`, `0` or `-` if it has one, else its first member.
    static func representativeScalar(of set: OriginRegexCharacterSet) -> Unicode.Scalar? {
        for c in [".", "a", "e", "0", "-"] as [Unicode.Scalar] where set.contains(c) { return c }
        for item in set.items {
            switch item {
            case let .scalar(c) where set.contains(c): return c
            case let .range(lo, _) where set.contains(lo): return lo
            default: continue
            }
        }
        return nil
    }
}

/// `scheme://host[:port]` with a syntactically valid DNS host name or IPv4 address.
struct ParsedOrigin {
    let scheme: String
    let host: String
    let port: String?

    init?(_ text: String) {
        guard let range = text.range(of: "://") else { return nil }
        scheme = String(text[..<range.lowerBound])
        guard ["http", "https"].contains(scheme) else { return nil }
        let authority = text[range.upperBound...]
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return nil }
        host = String(parts[0])
        port = parts.count == 2 ? String(parts[1]) : nil
        if let port, port.isEmpty || !port.allSatisfy({ $0.isASCII && $0.isNumber }) || port.count > 5 { return nil }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard !host.isEmpty, labels.allSatisfy({ label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        }) else { return nil }
        // A top-level domain is letters only (or the host is an IPv4 address): `www.example-com`
        // is not an origin anyone can register.
        let last = labels.last!
        let isIPv4 = labels.count == 4 && labels.allSatisfy { $0.allSatisfy(\.isNumber) }
        guard isIPv4 || labels.count == 1 || (last.count >= 2 && last.allSatisfy(\.isLetter)) else { return nil }
    }

    var authority: String { port.map { "\(host):\($0)" } ?? host }

    /// The registrable domain a literal reading of a regex names, e.g. `example.com` for the
    /// sample `https://.example.com` of `https://.*\.example\.com`; `nil` without a dotted host.
    static func intendedDomain(fromSample sample: String) -> String? {
        guard let range = sample.range(of: "://") else { return nil }
        var host = Substring(sample[range.upperBound...].split(separator: ":", omittingEmptySubsequences: false)[0])
        while let first = host.first, !(first.isLetter || first.isNumber) { host = host.dropFirst() }
        guard host.contains("."), let origin = ParsedOrigin("https://" + host.lowercased()) else { return nil }
        return origin.registrableDomain
    }

    /// The last two labels (three for `co.uk`-style suffixes); the whole host for IPv4.
    var registrableDomain: String {
        let labels = host.split(separator: ".").map(String.init)
        if labels.allSatisfy({ $0.allSatisfy(\.isNumber) }) { return host }
        let secondLevel: Set<String> = ["co", "com", "org", "net", "ac", "gov", "edu"]
        let count = labels.count >= 3 && labels.last!.count == 2 && secondLevel.contains(labels[labels.count - 2]) ? 3 : 2
        return labels.suffix(count).joined(separator: ".")
    }

    func isWithin(_ domain: String) -> Bool {
        host == domain || host.hasSuffix("." + domain)
    }
}
