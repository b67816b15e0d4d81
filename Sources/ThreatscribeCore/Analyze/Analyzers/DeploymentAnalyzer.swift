/// Facts about where and how the service runs: container, Kubernetes, ingress, secrets
/// (scope `deployment`, global).
struct DeploymentAnalyzer: Analyzer {
    let scopes = [FactScope("deployment", "Where and how the service runs; every condition may name these as `deployment.<field>`.", isGlobal: true, fields: [
        FactField("described", .bool, "The model has a `deployment` section."),
        FactField("egress_targets", .list, "Destinations the API connects to, from `data_stores` (network servers) and `external_services`, with their default TCP port: `postgres (postgresql): TCP 5432`."),
        FactField("egress_ports_yaml", .string, "Those ports as a NetworkPolicy `ports:` flow sequence, `[{port: 5432, protocol: TCP}, …]` (`[]` with a comment asking for them when the model lists none)."),
        FactField("platform", .string, "`kubernetes`, `docker`, `paas`, `vm`, `serverless`."),
        FactField("is_kubernetes", .bool, "The platform is Kubernetes."),
        FactField("provider", .string, "The hosting provider."),
        FactField("public_url", .string, "The URL clients use."),
        FactField("runs_as_root", .bool, "The container process runs as UID 0."),
        FactField("read_only_root_filesystem", .bool, "The root filesystem is read-only."),
        FactField("resource_limits", .bool, "CPU and memory limits are set."),
        FactField("image_scanning", .bool, "Images are scanned for vulnerabilities before deployment."),
        FactField("base_image", .string, "The base image."),
        FactField("runs_on_windows", .bool, "The base image, platform or provider names Windows (`windows`, `nanoserver`, `servercore`)."),
        FactField("network_policies", .bool, "NetworkPolicies restrict pod traffic."),
        FactField("rbac", .string, "`least_privilege`, `broad` or `default`."),
        FactField("pod_security", .string, "The Pod Security Standard or policy engine in force."),
        FactField("automount_service_account_token", .bool, "Pods get a service account token mounted."),
        FactField("secrets_source", .string, "Where runtime secrets live (`literal`, `environment`, `platform_secret`, `secret_manager`, `file`)."),
        FactField("ingress_described", .bool, "The model describes an ingress or proxy."),
        FactField("ingress_tls", .bool, "The ingress terminates TLS."),
        FactField("ingress_hsts", .bool, "The ingress sends Strict-Transport-Security."),
    ])]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let deployment = context.model.deployment
        var subject = FactSubject(scope: "deployment", path: "deployment",
                                  name: deployment?.provider ?? deployment?.platform ?? "deployment", component: Component.deployment)
        subject.set("described", .bool(deployment != nil), from: "deployment")
        let platform = deployment?.platform?.lowercased()
        subject.set("platform", FactValue(platform), from: "deployment.platform")
        if let platform { subject.set("is_kubernetes", .bool(platform == "kubernetes" || platform == "k8s"), from: "deployment.platform") }
        subject.set("provider", FactValue(deployment?.provider), from: "deployment.provider")
        subject.set("public_url", FactValue(deployment?.publicUrl), from: "deployment.public_url")
        let container = deployment?.container
        subject.set("runs_as_root", FactValue(container?.runsAsRoot), from: "deployment.container.runs_as_root")
        subject.set("read_only_root_filesystem", FactValue(container?.readOnlyRootFilesystem), from: "deployment.container.read_only_root_filesystem")
        subject.set("resource_limits", FactValue(container?.resourceLimits), from: "deployment.container.resource_limits")
        subject.set("image_scanning", FactValue(container?.imageScanning), from: "deployment.container.image_scanning")
        subject.set("base_image", FactValue(container?.baseImage), from: "deployment.container.base_image")
        let windowsText = [container?.baseImage, deployment?.platform, deployment?.provider].compactMap { $0?.lowercased() }
        if !windowsText.isEmpty {
            let windows = windowsText.contains { text in ["windows", "nanoserver", "servercore"].contains { text.contains($0) } }
            subject.set("runs_on_windows", .bool(windows), from: container?.baseImage != nil ? "deployment.container.base_image" : "deployment.platform")
        }
        let kubernetes = deployment?.kubernetes
        subject.set("network_policies", FactValue(kubernetes?.networkPolicies), from: "deployment.kubernetes.network_policies")
        subject.set("rbac", FactValue(kubernetes?.rbac?.lowercased()), from: "deployment.kubernetes.rbac")
        subject.set("pod_security", FactValue(kubernetes?.podSecurity?.lowercased()), from: "deployment.kubernetes.pod_security")
        subject.set("automount_service_account_token", FactValue(kubernetes?.automountServiceAccountToken),
                    from: "deployment.kubernetes.automount_service_account_token")
        subject.set("secrets_source", FactValue(deployment?.secrets?.rawValue), from: "deployment.secrets")
        let ingress = deployment?.ingress
        subject.set("ingress_described", .bool(ingress != nil), from: "deployment.ingress")
        subject.set("ingress_tls", FactValue(ingress?.tls), from: "deployment.ingress.tls")
        subject.set("ingress_hsts", FactValue(ingress?.hsts), from: "deployment.ingress.hsts")
        let egress = EgressTargets(model: context.model)
        subject.set("egress_targets", .list(egress.descriptions), from: "data_stores")
        subject.set("egress_ports_yaml", .string(egress.ports.isEmpty ? "[]  # the model lists no destination: add the ports the API connects to" : egress.portsYAML), from: "data_stores")
        return [subject]
    }
}
