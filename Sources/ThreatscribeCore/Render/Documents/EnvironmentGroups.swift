/// Per-environment statements merged where environments agree: one line per distinct text, naming
/// every environment it holds in (`development` and `production`: …).
enum EnvironmentGroups {
    static func merged(_ items: [(environment: String, text: DocumentText)]) -> [DocumentText] {
        var order: [DocumentText] = []
        var names: [Int: [String]] = [:]
        for item in items {
            if let index = order.firstIndex(of: item.text) {
                if !names[index, default: []].contains(item.environment) { names[index, default: []].append(item.environment) }
            } else {
                names[order.count] = [item.environment]
                order.append(item.text)
            }
        }
        return order.enumerated().map { index, text in "\(codes: names[index] ?? []): \(text)" }
    }

    /// Values per environment, grouped by equal value, in first-seen order.
    static func grouped<Value: Equatable>(_ items: [(environment: String, value: Value)]) -> [(environments: [String], value: Value)] {
        var groups: [(environments: [String], value: Value)] = []
        for item in items {
            if let index = groups.firstIndex(where: { $0.value == item.value }) { groups[index].environments.append(item.environment) }
            else { groups.append(([item.environment], item.value)) }
        }
        return groups
    }
}

/// Content-Security-Policy directives, as browsers read them (first occurrence wins; `default-src`
/// is the fallback of the fetch directives).
enum CSPDirectives {
    /// `script-src 'self'` for `name` = `script-src`, else the `default-src` it falls back to.
    static func effective(_ name: String, in policy: String) -> String? {
        let directives = policy.split(separator: ";").map { $0.trimmingWhitespaces }.filter { !$0.isEmpty }
        func find(_ n: String) -> String? { directives.first { $0.lowercased() == n || $0.lowercased().hasPrefix(n + " ") } }
        return find(name) ?? (name.hasSuffix("-src") ? find("default-src") : nil)
    }

    /// Whether `directive` (as `effective` returns it) admits `url`'s origin, roughly: `*`, the
    /// scheme, or a source whose host is the URL's host. Used only to choose which console message to show.
    static func admits(_ directive: String, url: String) -> Bool {
        let host = url.split(separator: "/").dropFirst(1).first.map(String.init) ?? ""
        return directive.split(separator: " ").dropFirst().contains { source in
            let s = String(source)
            return s == "*" || s == "https:" || s.contains(host)
        }
    }
}
