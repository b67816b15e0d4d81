/// A `.env` file (`.env.production`, `.env.example`, …) read as text, line by line: `NAME=value`,
/// `export NAME=value`, optional quotes. Nothing is expanded, sourced or run.
struct DotEnvFile: Sendable {
    struct Entry: Sendable {
        var name: String
        /// The value as written, unquoted; never copied into a model or report.
        var value: String
        var line: Int

        /// A value a deployment would really use: not empty and not a reference to another variable.
        var isLiteral: Bool {
            let trimmed = value.trimmingWhitespaces
            return !trimmed.isEmpty && !trimmed.hasPrefix("$") && !(trimmed.hasPrefix("<") && trimmed.hasSuffix(">"))
        }
    }

    /// What the file's name says about the environment it configures.
    enum Purpose: Sendable, Equatable {
        /// `.env`: the values a developer's checkout reads.
        case checkout
        /// `.env.example`, `.env.sample`, `.env.template`: placeholders to copy.
        case example
        /// `.env.production`, `.env.staging`, …: one environment's values, with its kind.
        case environment(name: String, kind: String)
        /// A suffix that names no known environment.
        case unknown(String)
    }

    static let maximumLines = 10_000
    static let examples: Set<String> = ["example", "sample", "template", "tpl", "dist", "defaults", "default", "in"]
    static let kinds: [String: String] = [
        "production": "production", "prod": "production", "prd": "production", "live": "production",
        "staging": "staging", "stage": "staging", "stg": "staging", "preprod": "staging", "uat": "staging",
        "development": "development", "dev": "development", "local": "development", "docker": "development",
        "test": "test", "testing": "test", "ci": "test",
    ]

    var file: String
    var entries: [Entry]

    /// Whether `name` (a file's last path component) is a `.env` file: `.env`, `.env.<suffix>`, `<name>.env`.
    static func isEnvironmentFileName(_ name: String) -> Bool {
        name == ".env" || name.hasPrefix(".env.") || (name.hasSuffix(".env") && name.count > 4)
    }

    /// By the words of the name other than `env`: `.env.production`, `staging.env`, `.env.docker.template`.
    var purpose: Purpose {
        let name = DraftSource.fileName(file).lowercased()
        if name == ".env" { return .checkout }
        let words = name.split(separator: ".").map(String.init).filter { $0 != "env" }
        if words.contains(where: Self.examples.contains) { return .example }
        if let word = words.first(where: { Self.kinds[$0] != nil }), let kind = Self.kinds[word] { return .environment(name: word, kind: kind) }
        return .unknown(words.joined(separator: "."))
    }

    init(text: String, file: String) {
        self.file = file
        var entries: [Entry] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(Self.maximumLines).enumerated() {
            var line = Substring(raw.trimmingWhitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            if line.hasPrefix("export ") { line = line.dropFirst(7).drop { $0 == " " } }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals].trimmingWhitespaces
            guard let first = name.unicodeScalars.first, first == "_" || ("A"..."Z").contains(first) || ("a"..."z").contains(first),
                  name.unicodeScalars.allSatisfy({ $0 == "_" || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) })
            else { continue }
            var value = line[line.index(after: equals)...].trimmingWhitespaces
            if let quote = value.first, quote == "\"" || quote == "'", value.count >= 2, value.last == quote {
                value = String(value.dropFirst().dropLast())
            } else if let hash = value.range(of: " #") {
                value = String(value[..<hash.lowerBound]).trimmingWhitespaces
            }
            entries.append(Entry(name: name, value: value, line: index + 1))
        }
        self.entries = entries
    }
}
