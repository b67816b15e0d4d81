/// `.env` files merged into the draft's secrets and environments. A per-environment file
/// (`.env.production`) that sets a secret the code reads makes that environment's override say the
/// deployment provides it and that its value is written in the repository (`literal` among its
/// sources). A file `.gitignore` ignores is not merged. Values are never copied, only their place.
extension MergeState {
    mutating func merge(environmentFile file: DotEnvFile, committed: Bool) {
        let place = { (entry: DotEnvFile.Entry) in "\(file.file):\(entry.line)" }
        if !committed {
            // A file git ignores is one checkout's (or tracked despite the pattern): not the project's deployment.
            merged.append("\(file.file) (ignored by git): \(counted(file.entries.count, "setting")), not merged")
            return
        }
        if case .environment(_, "test") = file.purpose {
            merged.append("\(file.file): \(counted(file.entries.count, "setting")) for the test suite, not merged")
            return
        }
        switch file.purpose {
        case .example:
            merged.append("\(file.file): \(counted(file.entries.count, "setting")), read as placeholders (no values taken)")
        case .unknown(let suffix):
            merged.append("\(file.file): \(counted(file.entries.count, "setting")), not merged")
            questions.append("\(file.file): which environment does `\(suffix)` configure?")
        case .checkout:
            var findings = 0
            for entry in file.entries where entry.isLiteral {
                guard let secret = codeSecret(named: entry.name), secret["fallback"]?.shownText != "insecure_literal" else { continue }
                findings += 1
                conflicts.append("\(entry.name): the code (\(secret["source"]?.shownText ?? "?")) has no fixed fallback, but the committed \(place(entry)) sets it: does the service read that .env where it runs (pydantic-settings env_file)? If so its fallback is insecure_literal")
            }
            merged.append("\(file.file) (committed): \(counted(file.entries.count, "setting"))\(findings > 0 ? ", \(counted(findings, "secret")) the code reads" : "")")
        case .environment(let name, let kind):
            var overrides: [DraftNode] = []
            var literal = 0
            for entry in file.entries {
                if let secret = codeSecret(named: entry.name), let id = secret["name"]?.shownText {
                    var item = DraftNode.mapping([("name", .string(id))])
                    guard entry.isLiteral else { continue }
                    var sources = secret["sources"]?.items ?? []
                    if !sources.contains(where: { $0.shownText == "literal" }) { sources.append(.string("literal")) }
                    item["sources"] = DraftNode(.sequence(sources), comment: "\(place(entry)) writes its value in the repository (not copied here)")
                    item["provided"] = .boolean(true, comment: "\(place(entry)) sets it")
                    literal += 1
                    item["source"] = .string(place(entry))
                    overrides.append(item)
                } else if entry.isLiteral, Self.looksSecret(entry.name) {
                    overrides.append(.mapping([("add", .boolean(true)), ("name", .string(entry.name)),
                                               ("sources", .strings(["literal"], comment: "a literal value in a committed file (not copied here)")),
                                               ("source", .string(place(entry)))]))
                    literal += 1
                }
            }
            let read = Set(settingsTheCodeReads())
            let others = file.entries.filter { read.contains($0.name.uppercased()) && codeSecret(named: $0.name) == nil }.map(\.name)
            if !overrides.isEmpty { addOverrides(secrets: overrides, environment: name, kind: kind, file: file.file) }
            var line = "\(file.file) (\(kind), committed): \(counted(file.entries.count, "setting")), \(counted(overrides.count, "secret")) merged into environment \(name) (\(literal) written literally)"
            if !others.isEmpty {
                line += "; values of settings the code reads, not mapped to model keys: \(others.prefix(10).joined(separator: ", "))"
                questions.append("\(file.file) sets \(others.prefix(10).joined(separator: ", ")) for \(name): state what they change in that environment's overrides")
            }
            merged.append(line)
        }
    }

    /// A secret-looking setting name: a credential word last (`DB_PASSWORD`, `STRIPE_API_KEY`) or `_KEY`.
    static func looksSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        return SensitiveFieldName.isSensitive(name) || (upper.hasSuffix("_KEY") && !upper.hasSuffix("PUBLIC_KEY")) || upper.hasSuffix("_TOKEN")
    }

    func codeSecret(named name: String) -> DraftNode? {
        model["secrets"]?.items?.first { $0["name"]?.shownText?.uppercased() == name.uppercased() }
    }

    /// The environment variables the draft's comments say the code reads (`env NAME`), upper-cased.
    func settingsTheCodeReads() -> [String] {
        var names: [String] = []
        func visit(_ node: DraftNode) {
            for text in node.notes + [node.comment].compactMap({ $0 }) {
                let words = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }
                for (index, word) in words.enumerated() where word == "env" && index + 1 < words.count {
                    names.append(words[index + 1].uppercased())
                }
            }
            switch node.value {
            case .mapping(let members):
                for member in members { if case .pair(_, let value) = member { visit(value) } }
            case .sequence(let items): items.forEach(visit)
            default: break
            }
        }
        visit(model)
        return names
    }

    /// Adds `secrets` to the overrides of the environment called `name` (or the only one of `kind`),
    /// creating it, and a `default` environment for the base, when the draft has none.
    mutating func addOverrides(secrets: [DraftNode], environment name: String, kind: String, file: String) {
        var environments = model["environments"]?.items ?? [.mapping([("name", .string("default"))])]
        var index = environments.firstIndex { $0["name"]?.shownText == name }
        if index == nil {
            let ofKind = environments.indices.filter { environments[$0]["kind"]?.shownText == kind }
            index = ofKind.count == 1 ? ofKind[0] : nil
        }
        if index == nil {
            var created = DraftNode.mapping([("name", .string(name)), ("kind", .string(kind))])
            created.notes = ["named after \(file)"]
            environments.append(created)
            index = environments.count - 1
        }
        var environment = environments[index!]
        var overrides = environment["overrides"] ?? .mapping([])
        var list = overrides["secrets"]?.items ?? []
        for item in secrets where !list.contains(where: { $0["name"]?.shownText == item["name"]?.shownText }) { list.append(item) }
        overrides["secrets"] = .sequence(list)
        environment["overrides"] = overrides
        environments[index!] = environment
        model["environments"] = .sequence(environments)
    }
}
