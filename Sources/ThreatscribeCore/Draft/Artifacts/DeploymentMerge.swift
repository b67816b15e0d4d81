/// Kubernetes manifests and Helm values merged into the draft's `deployment` and `secrets`.
extension MergeState {
    mutating func merge(workload: KubernetesWorkload, file: String, described: String) {
        let imported = KubernetesDraft.draft(workload, file: file)
        guard let deployment = imported.model["deployment"] else { return }
        let before = conflicts.count
        if var code = model["deployment"] {
            let codeSource = code["source"]?.shownText ?? "the code"
            fill(&code, from: deployment, path: "deployment", cite: file, codeCite: codeSource)
            model["deployment"] = code
        } else {
            model["deployment"] = deployment
        }
        let secrets = imported.model["secrets"]?.items ?? []
        for secret in secrets { mergeDeployed(secret: secret) }
        questions += imported.questions
        var line = "\(described): \(imported.found.joined(separator: "; "))"
        if conflicts.count > before { line += "; \(counted(conflicts.count - before, "conflict")) with the code" }
        merged.append(line)
    }

    /// Adds to `code` the keys of `artifact` it lacks; a scalar both state differently is a conflict
    /// (the code's value stays). Added scalars cite `cite`, the artifact's `source:` nearest to them.
    mutating func fill(_ code: inout DraftNode, from artifact: DraftNode, path: String, cite: String, codeCite: String) {
        let cite = artifact["source"]?.shownText ?? cite
        let codeCite = code["source"]?.shownText ?? codeCite
        for (key, value) in artifact.keyedValues where key != "source" {
            guard var existing = code[key] else {
                var added = value
                if added.shownText != nil || added.items?.allSatisfy({ $0.shownText != nil }) == true {
                    added.comment = cite + (value.comment.map { " (\($0))" } ?? "")
                }
                code[key] = added
                if let source = code["source"] { code["source"] = nil; code["source"] = source }
                continue
            }
            if case .mapping = existing.value, case .mapping = value.value {
                fill(&existing, from: value, path: "\(path).\(key)", cite: cite, codeCite: codeCite)
                code[key] = existing
            } else if key == "containers", var items = existing.items, let others = value.items {
                for other in others {
                    if let index = items.firstIndex(where: { $0["id"]?.shownText == other["id"]?.shownText }) {
                        fill(&items[index], from: other, path: "\(path).containers[\(other["id"]?.shownText ?? "")]", cite: cite, codeCite: codeCite)
                    } else {
                        items.append(other)
                    }
                }
                code[key] = .sequence(items)
            } else if let mine = existing.shownText, let theirs = value.shownText, mine != theirs {
                conflicts.append("\(path).\(key): \(codeCite) gives \(mine), \(cite) gives \(theirs)")
            }
        }
    }

    /// A secret the manifests set for the container: from a `secretKeyRef` (the deployment provides
    /// it) or written literally (its value is in the repository: `literal` joins its sources).
    mutating func mergeDeployed(secret: DraftNode) {
        guard let name = secret["name"]?.shownText, let where_ = secret["source"]?.shownText else { return }
        let literal = secret["sources"]?.items?.contains { $0.shownText == "literal" } ?? false
        var secrets = model["secrets"]?.items ?? []
        if let index = secrets.firstIndex(where: { $0["name"]?.shownText?.uppercased() == name.uppercased() }) {
            var item = secrets[index]
            if literal {
                var sources = item["sources"]?.items ?? []
                if !sources.contains(where: { $0.shownText == "literal" }) { sources.append(.string("literal")) }
                item["sources"] = DraftNode(.sequence(sources), comment: "\(where_) sets it as a literal env value (not copied here)")
            } else if item["provided"] == nil {
                item["provided"] = .boolean(true, comment: "\(where_) valueFrom.secretKeyRef")
            }
            if let source = item["source"] { item["source"] = nil; item["source"] = source }
            secrets[index] = item
        } else {
            var item = secret
            item.notes.append(literal ? "the code read for it was not found; \(where_) sets it literally (value not copied)"
                                      : "the code read for it was not found; \(where_) takes it from a secretKeyRef")
            secrets.append(item)
        }
        model["secrets"] = .sequence(secrets)
    }
}
