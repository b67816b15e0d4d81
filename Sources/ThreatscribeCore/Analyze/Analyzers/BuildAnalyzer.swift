/// Facts about how the service is built and released (scope `build`, global).
struct BuildAnalyzer: Analyzer {
    let scopes = [FactScope("build", "How the service is built and released; every condition may name these as `build.<field>`.", isGlobal: true, fields: [
        FactField("described", .bool, "The model has a `build` section."),
        FactField("dependency_pinning", .bool, "Dependency versions are pinned."),
        FactField("lock_file", .string, "The lock file, as the model says."),
        FactField("has_lock_file", .bool, "A lock file is named (anything but `none`)."),
        FactField("dependency_scanning", .string, "The dependency scanner, as the model says."),
        FactField("scans_dependencies", .bool, "A scanner is named (anything but `none`)."),
        FactField("sbom", .bool, "An SBOM is produced."),
        FactField("code_review", .string, "`required`, `optional` or `none`."),
        FactField("code_review_required", .bool, "Code review is required before merge."),
        FactField("ci_provider", .string, "The CI system."),
        FactField("ci_secrets_protected", .bool, "CI secrets are limited to protected branches."),
        FactField("artifact_registry_private", .bool, "Images or packages are stored in a private registry."),
        FactField("artifacts_signed", .bool, "Release artifacts are signed."),
        FactField("source_public", .bool, "The source code is public (an open-source project)."),
        FactField("unpinned_dependencies", .list, "Packages the model lists with a version range (`>=`, `~=`, `^`, `*`, …) instead of one version."),
    ])]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let model = context.model
        let build = model.build
        var subject = FactSubject(scope: "build", path: "build", name: build?.ciProvider ?? "build",
                                  component: Component.build)
        subject.set("described", .bool(build != nil), from: "build")
        subject.set("dependency_pinning", FactValue(build?.dependencyPinning), from: "build.dependency_pinning")
        subject.set("lock_file", FactValue(build?.lockFile), from: "build.lock_file")
        if let lock = build?.lockFile {
            subject.set("has_lock_file", .bool(!Self.isNone(lock)), from: "build.lock_file")
        }
        subject.set("dependency_scanning", FactValue(build?.dependencyScanning), from: "build.dependency_scanning")
        if let scanning = build?.dependencyScanning {
            subject.set("scans_dependencies", .bool(!Self.isNone(scanning)), from: "build.dependency_scanning")
        }
        subject.set("sbom", FactValue(build?.sbom), from: "build.sbom")
        let review = build?.codeReview?.lowercased()
        subject.set("code_review", FactValue(review), from: "build.code_review")
        if let review { subject.set("code_review_required", .bool(review == "required"), from: "build.code_review") }
        subject.set("ci_provider", FactValue(build?.ciProvider), from: "build.ci_provider")
        subject.set("ci_secrets_protected", FactValue(build?.ciSecretsProtected), from: "build.ci_secrets_protected")
        subject.set("artifact_registry_private", FactValue(build?.artifactRegistryPrivate), from: "build.artifact_registry_private")
        subject.set("artifacts_signed", FactValue(build?.artifactsSigned), from: "build.artifacts_signed")
        subject.set("source_public", FactValue(build?.sourcePublic), from: "build.source_public")
        var unpinned: [String] = []
        for (name, version) in (model.frameworks ?? [:]).sorted(by: { $0.key < $1.key }) where InstalledPackages.isRange(version) {
            unpinned.append("\(name) \(version)")
        }
        for dependency in model.dependencies ?? [] {
            if let version = dependency.version, InstalledPackages.isRange(version) { unpinned.append("\(dependency.name) \(version)") }
        }
        subject.set("unpinned_dependencies", .list(unpinned), from: model.dependencies != nil ? "dependencies" : "frameworks")
        return [subject]
    }

    static func isNone(_ text: String) -> Bool {
        ["none", "no", "", "false", "n/a"].contains(text.lowercased().trimmingWhitespaces)
    }
}
