import Foundation

/// Turns a ``KubernetesWorkload`` into the model's `deployment` section (and `secrets` for
/// environment variables that carry one).
enum KubernetesDraft {
    static func draft(_ workload: KubernetesWorkload, file: String) -> ImportDraft {
        func source(_ location: SourceLocation) -> DraftNode { DraftSource.reference(location) }
        var model = DraftSource.root(systemName: "Service deployed by \(DraftSource.fileName(file))", at: workload.location)
        var deployment = DraftNode.mapping([("platform", .string("kubernetes"))])
        var questions: [String] = []

        var kubernetes = DraftNode.mapping([])
        if let policies = workload.networkPolicies { kubernetes.append("network_policies", .boolean(policies)) }
        if let automount = workload.automountServiceAccountToken { kubernetes.append("automount_service_account_token", .boolean(automount)) }
        if !kubernetes.isEmptyCollection {
            kubernetes.append("source", .string(file))
            deployment.append("kubernetes", kubernetes)
        }
        if workload.networkPolicies == nil { questions.append("No NetworkPolicy is among the manifests read: does the cluster restrict the pods' traffic?") }

        if let api = workload.containers.first {
            var container = DraftNode.mapping([])
            if let root = api.runsAsRoot { container.append("runs_as_root", .boolean(root, comment: "securityContext")) }
            else { questions.append("The security context does not say whether \(api.name) runs as root: the image's USER decides.") }
            if let readOnly = api.readOnlyRootFilesystem { container.append("read_only_root_filesystem", .boolean(readOnly)) }
            container.append("resource_limits", .boolean(api.hasLimits, comment: "resources.limits with cpu and memory"))
            container.append("source", source(api.location))
            deployment.append("container", container)
            if workload.containers.count > 1 {
                questions.append("`container` describes \(api.name), the first container; say which container runs the API.")
            }
        }
        var used: Set<String> = []
        let containers = workload.containers.map { item -> DraftNode in
            var node = DraftNode.mapping([("id", .string(DraftSource.unique(item.name, in: &used)))])
            if let image = item.image { node.append("image", .string(image)) }
            if let privileged = item.privileged { node.append("privileged", .boolean(privileged)) }
            if let root = item.runsAsRoot { node.append("runs_as_root", .boolean(root)) }
            node.append("source", source(item.location))
            return node
        }
        if !containers.isEmpty { deployment.append("containers", .sequence(containers)) }

        if let ingress = workload.ingress {
            var node = DraftNode.mapping([("tls", .boolean(ingress.tls, comment: "spec.tls"))])
            let keys = ingress.annotations.keys
            if keys.contains(where: { $0.hasSuffix("/limit-rps") || $0.hasSuffix("/limit-rpm") || $0.hasSuffix("/limit-connections") }) {
                node.append("rate_limiting", .boolean(true, comment: "rate-limit annotation"))
            }
            if let size = ingress.annotations.first(where: { $0.key.hasSuffix("/proxy-body-size") }).flatMap({ bytes($0.value) }) {
                node.append("request_size_limit", .integer(size, comment: "proxy-body-size annotation"))
            }
            node.append("source", source(ingress.location))
            deployment.append("ingress", node)
        }

        let variables = workload.containers.flatMap(\.environment)
        if !variables.isEmpty {
            deployment.append("secrets", .string(variables.contains { !$0.fromSecret } ? "literal" : "platform_secret",
                                                 comment: variables.contains { !$0.fromSecret } ? "a secret written as a literal env value" : "secretKeyRef"))
        }
        deployment.append("source", .string(file))
        model.append("deployment", deployment)

        var names: Set<String> = []
        let secrets = variables.filter { names.insert($0.name).inserted }.map { variable -> DraftNode in
            .mapping([
                ("name", .string(variable.name)),
                ("sources", .strings([variable.fromSecret ? "platform_secret" : "literal"], comment: variable.fromSecret ? "valueFrom.secretKeyRef" : "a literal value in the manifest")),
                ("source", source(variable.location)),
            ])
        }
        if !secrets.isEmpty { model.append("secrets", .sequence(secrets)) }

        var found = ["\(workload.containers.count) containers", "\(variables.filter(\.fromSecret).count) secrets from secretKeyRef, \(variables.filter { !$0.fromSecret }.count) written literally"]
        if let ingress = workload.ingress { found.append("an Ingress (\(ingress.tls ? "TLS" : "no TLS"), \(ingress.annotations.count) annotations)") }
        return ImportDraft(kind: workload.kind, model: model, found: found, questions: questions)
    }

    /// `8m` → 8 MiB, `1g`, `512k`, or plain bytes, as nginx reads sizes; `0` (no limit) → `nil`.
    static func bytes(_ text: String) -> Int? {
        let lower = text.lowercased().trimmingWhitespaces
        let units: [Character: Int] = ["k": 1 << 10, "m": 1 << 20, "g": 1 << 30]
        if let last = lower.last, let unit = units[last], let number = Int(lower.dropLast()), number > 0 { return number * unit }
        if let number = Int(lower), number > 0 { return number }
        return nil
    }
}
