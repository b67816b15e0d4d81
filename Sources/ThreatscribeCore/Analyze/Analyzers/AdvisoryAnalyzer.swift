/// One subject per (package, advisory) whose affected range holds the version the model names
/// (scope `advisory`). Advisories that need a feature (`requires`) match only when the model shows it.
struct AdvisoryAnalyzer: Analyzer {
    let scopes = [FactScope("advisory", "A published advisory that affects a package version the model names.", fields: [
        FactField("package", .string, "The package (PEP 503 name)."),
        FactField("installed_version", .string, "The version the model names."),
        FactField("advisory_id", .string, "The GHSA id, or the CVE id where no GHSA id is confirmed."),
        FactField("display_id", .string, "The id with its aliases, e.g. `GHSA-v5gw-mw7f-84px (CVE-2023-29159)`."),
        FactField("summary", .string, "What the advisory is about."),
        FactField("affected_range", .string, "The affected range that holds the installed version, e.g. `>=0.13.5,<0.27.0`."),
        FactField("fixed_version", .string, "The first fixed version for that range, or `none published`."),
        FactField("has_fix", .bool, "A fixed release exists."),
        FactField("severity_class", .string, "`high`, `medium` or `low`: the consequence when it applies."),
        FactField("verified", .bool, "Id, range and fix were confirmed in a primary source."),
        FactField("needs_review", .bool, "It matters only under a condition the model cannot show, or is unverified."),
        FactField("review_note", .string, "What a reviewer must confirm."),
        FactField("cwe_note", .string, "The CWE the advisory states, when known."),
        FactField("dedicated", .bool, "A dedicated catalog entry reports this advisory."),
        FactField("affected_mounts", .list, "The StaticFiles mount paths, for StaticFiles advisories."),
        FactField("url", .string, "The advisory's page."),
        FactField("remedy", .string, "What to do: upgrade to the fixed version, or replace the package when no fix is published."),
        FactField("upgrade_command", .list, "The command for the remedy, one element per argument."),
    ])]

    /// Maintained alternatives for packages whose advisory has no fixed release.
    static let replacements = ["python-jose": "PyJWT or joserfc"]

    var table: [KnownAdvisory] = KnownAdvisories.all

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let model = context.model
        let installed = InstalledPackages(model: model)
        let mounts = (model.staticFiles ?? []).map(\.path)
        return table.compactMap { advisory in
            guard let package = installed.packages[advisory.package], let range = advisory.range(containing: package.version),
                  requirementMet(advisory.requires, model: model) else { return nil }
            var subject = FactSubject(scope: "advisory", path: package.path.appending(advisory.id),
                                      name: "\(advisory.package) \(package.text): \(advisory.id)", component: Component.dependencies)
            subject.set("package", .string(advisory.package), from: package.path)
            subject.set("installed_version", .string(package.text), from: package.path)
            subject.set("advisory_id", .string(advisory.id), from: package.path)
            let display = advisory.aliases.isEmpty ? advisory.id : "\(advisory.id) (\(advisory.aliases.joined(separator: ", ")))"
            subject.set("display_id", .string(display), from: package.path)
            subject.set("summary", .string(advisory.summary), from: package.path)
            subject.set("affected_range", .string(range.text), from: package.path)
            subject.set("fixed_version", .string(range.fixed.map(\.description) ?? "none published"), from: package.path)
            subject.set("has_fix", .bool(range.fixed != nil), from: package.path)
            subject.set("severity_class", .string(advisory.severity), from: package.path)
            subject.set("verified", .bool(advisory.verified), from: package.path)
            subject.set("needs_review", .bool(!advisory.verified || advisory.review != nil), from: package.path)
            subject.set("review_note", .string(advisory.review ?? (advisory.verified ? "" : "The advisory's id or range was not confirmed in a primary source.")), from: package.path)
            subject.set("cwe_note", FactValue(advisory.cwe), from: package.path)
            subject.set("dedicated", .bool(advisory.dedicated), from: package.path)
            subject.set("affected_mounts", .list(advisory.requires?.contains("static_files") == true ? mounts : []), from: "static_files")
            subject.set("url", .string(advisory.url), from: package.path)
            if let fixed = range.fixed {
                subject.set("remedy", .string("Upgrade \(advisory.package) from \(package.text) to \(fixed) or later, pin it in the lock file and rebuild the image."))
                subject.set("upgrade_command", .list(["pip", "install", "--upgrade", "\(advisory.package)>=\(fixed)"]))
            } else {
                let alternative = Self.replacements[advisory.package].map { " (for example \($0))" } ?? ""
                subject.set("remedy", .string("No fixed release of \(advisory.package) is published: replace it with a maintained alternative\(alternative), or remove the affected usage."))
                subject.set("upgrade_command", .list(["pip", "uninstall", advisory.package]))
            }
            return subject
        }
    }

    private func requirementMet(_ requirement: String?, model: ArchitectureModel) -> Bool {
        guard let requirement else { return true }
        let hasMounts = !(model.staticFiles ?? []).isEmpty
        switch requirement {
        case "static_files":
            return hasMounts
        case "windows_static_files":
            let deployment = model.deployment
            let texts = [deployment?.container?.baseImage, deployment?.platform, deployment?.provider].compactMap { $0?.lowercased() }
            return hasMounts && texts.contains { text in ["windows", "nanoserver", "servercore"].contains { text.contains($0) } }
        case "cookie_auth":
            return (model.auth ?? []).contains { $0.transport == .cookie || $0.type == .sessionCookie }
                || (model.middleware ?? []).contains { $0.type == .session }
        case "templates":
            return model.templates != nil
        default:
            return false
        }
    }
}
