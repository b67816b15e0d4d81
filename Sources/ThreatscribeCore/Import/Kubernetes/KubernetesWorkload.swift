/// What Kubernetes manifests (or a Helm chart's values) say about how the service runs: its
/// containers' security contexts and limits, environment variables that hold secrets (from a
/// `secretKeyRef` or written literally), NetworkPolicies, the Ingress and its TLS and annotations.
struct KubernetesWorkload: Sendable {
    struct EnvironmentValue: Sendable {
        var name: String
        /// `true`: `valueFrom.secretKeyRef`; `false`: a literal `value` (`envFrom` names no variables and is not read).
        var fromSecret: Bool
        var location: SourceLocation
    }

    struct Container: Sendable {
        var name: String
        var image: String?
        var privileged: Bool?
        var runAsNonRoot: Bool?
        var runAsUser: Int?
        var readOnlyRootFilesystem: Bool?
        var hasLimits = false
        var environment: [EnvironmentValue] = []
        var location: SourceLocation

        /// UID 0 when stated as such, not root when stated so, else unknown (the image's `USER` decides).
        var runsAsRoot: Bool? {
            if let runAsUser { return runAsUser == 0 }
            if runAsNonRoot == true { return false }
            return nil
        }
    }

    struct Ingress: Sendable {
        var tls: Bool
        var annotations: [String: String]
        var location: SourceLocation
    }

    var kind: String
    var containers: [Container] = []
    var automountServiceAccountToken: Bool?
    /// `true` when a NetworkPolicy is part of what was read, `false` when values disable it, `nil` when unknown.
    var networkPolicies: Bool?
    var ingress: Ingress?
    var location: SourceLocation

    static let workloadKinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"]

    /// Whether `document` is a Kubernetes object this reads (a workload, an Ingress, a NetworkPolicy)
    /// or a `List` holding one; a ConfigMap or a CRD alone says nothing about how the service runs.
    static func describesDeployment(_ document: LocatedNode) -> Bool {
        guard document.text("apiVersion") != nil, let kind = document.text("kind") else { return false }
        if kind == "List" { return (document["items"]?.items ?? []).contains(where: describesDeployment) }
        return workloadKinds.contains(kind) || kind == "Ingress" || kind == "NetworkPolicy"
    }

    static func read(manifests documents: [LocatedNode], file: String) -> KubernetesWorkload {
        var workload = KubernetesWorkload(kind: "Kubernetes manifests", location: SourceLocation(file: file, line: 1, column: 1))
        let objects = documents.flatMap { $0.text("kind") == "List" ? ($0["items"]?.items ?? []) : [$0] }
        for object in objects {
            switch object.text("kind") ?? "" {
            case let kind where workloadKinds.contains(kind):
                var pod = object["spec"]
                if kind == "CronJob" { pod = pod?["jobTemplate"]?["spec"] }
                if kind != "Pod" { pod = pod?["template"]?["spec"] }
                guard let pod else { continue }
                if let automount = pod.flag("automountServiceAccountToken") { workload.automountServiceAccountToken = automount }
                let podContext = pod["securityContext"]
                for container in (pod["containers"]?.items ?? []) + (pod["initContainers"]?.items ?? []) {
                    workload.containers.append(Self.container(container, pod: podContext))
                }
            case "NetworkPolicy":
                workload.networkPolicies = true
            case "Ingress":
                let tls = !(object["spec"]?["tls"]?.items ?? []).isEmpty
                var annotations: [String: String] = [:]
                for entry in object["metadata"]?["annotations"]?.entries ?? [] { annotations[entry.key] = entry.value.scalarValue?.text }
                workload.ingress = Ingress(tls: tls || (workload.ingress?.tls ?? false), annotations: annotations, location: object.location)
            default:
                break
            }
        }
        return workload
    }

    static func container(_ node: LocatedNode, pod: LocatedNode?) -> Container {
        let context = node["securityContext"]
        var container = Container(name: node.text("name") ?? "container", image: node.text("image"), location: node.location)
        container.privileged = context?.flag("privileged")
        container.runAsNonRoot = context?.flag("runAsNonRoot") ?? pod?.flag("runAsNonRoot")
        container.runAsUser = (context?.text("runAsUser") ?? pod?.text("runAsUser")).flatMap { Int($0) }
        container.readOnlyRootFilesystem = context?.flag("readOnlyRootFilesystem")
        let limits = node["resources"]?["limits"]
        container.hasLimits = limits?["cpu"] != nil && limits?["memory"] != nil
        for variable in node["env"]?.items ?? [] {
            guard let name = variable.text("name") else { continue }
            if variable["valueFrom"]?["secretKeyRef"] != nil {
                container.environment.append(EnvironmentValue(name: name, fromSecret: true, location: variable.location))
            } else if let value = variable.text("value"), !value.isEmpty, SensitiveFieldName.isSensitive(name) || name.hasSuffix("_KEY") {
                container.environment.append(EnvironmentValue(name: name, fromSecret: false, location: variable.location))
            }
        }
        return container
    }
}

/// A Helm chart's `values.yaml`, read for the same settings the chart's templates usually map
/// into the manifests (`securityContext`, `podSecurityContext`, `resources`, `ingress`,
/// `networkPolicy`, `env`). What the templates really do with them is not read.
enum HelmValues {
    static let markers: Set<String> = ["image", "replicaCount", "securityContext", "podSecurityContext", "ingress", "resources", "service", "serviceAccount"]

    static func looksLikeValues(_ root: LocatedNode) -> Bool {
        guard let keys = root.entries?.map(\.key) else { return false }
        return Set(keys).intersection(markers).count >= 2
    }

    static func read(_ root: LocatedNode, file: String) -> KubernetesWorkload {
        var workload = KubernetesWorkload(kind: "Helm values", location: root.location)
        var container = KubernetesWorkload.container(root, pod: root["podSecurityContext"])
        container.name = root["nameOverride"]?.scalarValue?.text.isEmpty == false ? root.text("nameOverride")! : "app"
        if let image = root["image"] {
            container.image = image.scalarValue?.text ?? image.text("repository").map { repository in image.text("tag").map { "\(repository):\($0)" } ?? repository }
        }
        container.location = root["securityContext"]?.location ?? root.location
        workload.containers = [container]
        workload.automountServiceAccountToken = root["serviceAccount"]?.flag("automount") ?? root.flag("automountServiceAccountToken")
        if let policy = root["networkPolicy"] { workload.networkPolicies = policy.flag("enabled") }
        if let ingress = root["ingress"], ingress.flag("enabled") == true {
            var annotations: [String: String] = [:]
            for entry in ingress["annotations"]?.entries ?? [] { annotations[entry.key] = entry.value.scalarValue?.text }
            workload.ingress = KubernetesWorkload.Ingress(tls: !(ingress["tls"]?.items ?? []).isEmpty, annotations: annotations, location: ingress.location)
        }
        return workload
    }
}
