/// Server, deployment and build settings, as facts.
enum OperationsFacts {
    static func server(_ server: ServerSettings) -> [FactView] {
        [
            FactView.make("Server", [server.kind, server.version].compactMap { $0 }.joined(separator: " ").nonEmpty, missing: "the ASGI server"),
            FactView.make("Bind address", server.host.map { host in server.port.map { "\(host):\($0)" } ?? host }, missing: "the bind address"),
            FactView.make("Workers", server.workers, missing: "the number of workers"),
            FactView.make("Auto-reload", server.reload, missing: "whether auto-reload is on"),
            FactView.make("Behind a proxy", server.behindProxy, missing: "whether a proxy sits in front"),
            FactView.make("Proxy headers trusted", server.proxyHeaders, missing: "whether proxy headers are trusted"),
            FactView.make("forwarded_allow_ips", server.forwardedAllowIps, missing: "forwarded_allow_ips"),
            FactView.make("TLS terminates at", server.tlsTermination, missing: "where TLS terminates"),
            FactView.make("Request body limit", server.maxBodySize.map { "\($0) bytes" }, missing: "a request body limit in front of the app"),
            FactView.make("Concurrency limit", server.limitConcurrency, missing: "a concurrency limit"),
            FactView.make("Keep-alive timeout", server.timeoutKeepAlive.map { "\($0) s" }, missing: "the keep-alive timeout"),
            FactView.make("Server header", server.serverHeader, missing: "whether the Server header is sent"),
        ]
    }

    static func deployment(_ deployment: Deployment) -> [FactView] {
        var facts = [
            FactView.make("Platform", [deployment.platform, deployment.provider.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ").nonEmpty, missing: "the platform"),
            FactView.make("Public URL", deployment.publicUrl, missing: "the public URL"),
            FactView.make("Runtime secrets", deployment.secrets?.rawValue, missing: "where runtime secrets live"),
        ]
        if let ingress = deployment.ingress {
            facts += [
                FactView.make("Ingress TLS", ingress.tls, missing: "whether the ingress terminates TLS"),
                FactView.make("HSTS", ingress.hsts, missing: "whether HSTS is sent"),
                FactView.make("WAF", ingress.waf, missing: "whether a WAF is in front"),
                FactView.make("Ingress rate limiting", ingress.rateLimiting, missing: "rate limiting at the ingress"),
                FactView.make("Ingress request size limit", ingress.requestSizeLimit.map { "\($0) bytes" }, missing: "a request size limit at the ingress"),
            ]
        } else {
            facts.append(FactView.make("Ingress", nil as String?, missing: "the ingress"))
        }
        if let kubernetes = deployment.kubernetes {
            facts += [
                FactView.make("Network policies", kubernetes.networkPolicies, missing: "network policies"),
                FactView.make("RBAC", kubernetes.rbac, missing: "RBAC"),
                FactView.make("Pod security", kubernetes.podSecurity, missing: "pod security"),
                FactView.make("Service account token mounted", kubernetes.automountServiceAccountToken, missing: "service account token mounting"),
            ]
        }
        if let container = deployment.container {
            facts += [
                FactView.make("Base image", container.baseImage, missing: "the base image"),
                FactView.make("Runs as root", container.runsAsRoot, missing: "whether the container runs as root"),
                FactView.make("Read-only root filesystem", container.readOnlyRootFilesystem, missing: "the root filesystem mode"),
                FactView.make("Resource limits", container.resourceLimits, missing: "resource limits"),
                FactView.make("Image scanning", container.imageScanning, missing: "image scanning"),
            ]
        }
        return facts
    }

    static func build(_ build: BuildProcess) -> [FactView] {
        [
            FactView.make("Dependencies pinned", build.dependencyPinning, missing: "dependency pinning"),
            FactView.make("Lock file", build.lockFile, missing: "a lock file"),
            FactView.make("Dependency scanning", build.dependencyScanning, missing: "dependency scanning"),
            FactView.make("SBOM", build.sbom, missing: "whether an SBOM is produced"),
            FactView.make("Code review", build.codeReview, missing: "code review"),
            FactView.make("CI", build.ciProvider, missing: "the CI provider"),
            FactView.make("CI secrets protected", build.ciSecretsProtected, missing: "how CI secrets are protected"),
            FactView.make("Private artifact registry", build.artifactRegistryPrivate, missing: "the artifact registry"),
            FactView.make("Artifacts signed", build.artifactsSigned, missing: "artifact signing"),
        ]
    }

    /// The dependencies besides the framework versions (`frameworks`, which the summary lists); `nil` when
    /// the model names neither, so the section says "not assessed" only when the advisories had nothing to check.
    static func dependencies(_ dependencies: [Dependency]?, frameworks: [String: String]?) -> [FactView]? {
        guard dependencies != nil || frameworks != nil else { return nil }
        let frameworkNames = Set((frameworks ?? [:]).keys.map { $0.lowercased() })
        let others = (dependencies ?? []).filter { !frameworkNames.contains($0.name.lowercased()) }.sorted { $0.name < $1.name }.map { dependency in
            FactView(label: dependency.name, value: dependency.version ?? "version not stated", isKnown: true)
        }
        return others
    }
}

extension String {
    /// `nil` for the empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
