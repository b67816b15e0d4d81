/// One subject per (package, advisory) whose affected range holds the version the model names
/// (scope `advisory`). Advisories that need a feature (`requires`) match only when the model shows it.
/// For a version range, an advisory matches when some version the range allows is affected; it is
/// then "may be affected" and needs review, never asserted.
struct AdvisoryAnalyzer: Analyzer {
    let scopes = [FactScope("advisory", "A published advisory that affects a package version the model names.", fields: [
        FactField("package", .string, "The package (PEP 503 name)."),
        FactField("installed_version", .string, "The version the model names: resolved, `0.41.3 (uv.lock:812)` for a locked one, or a range."),
        FactField("version_is_range", .bool, "The model gives a range, not a resolved version."),
        FactField("version_basis", .string, "Which version the match assumes and why: the stated one, the lock file's, or an affected version the range allows."),
        FactField("affected_phrase", .string, "`is affected by` for a resolved version, `may be affected by` for a range."),
        FactField("version_relation", .string, "How the version relates to the affected range, for prose: `which lies in the affected range`, or `a range that allows 0.26.0, which lies in the affected range`."),
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
        FactField("dedicated", .bool, "A dedicated catalog entry reports this advisory (for resolved versions; range matches go to the generic review entries)."),
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
        let framework = PackageUpgradeAnalyzer.frameworkPlan(installed: installed, table: table)
        return table.compactMap { advisory in
            guard let package = installed.packages[advisory.package], let match = Self.match(advisory, package),
                  Self.requirementMet(advisory.requires, model: model) else { return nil }
            let range = match.range
            let isRange = match.example != nil
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
            var notes: [String] = []
            if let example = match.example {
                notes.append("The model gives the range `\(package.text)` for \(advisory.package), not a resolved version; the range allows \(example), which is affected. Check the version the lock file or the image resolves.")
            }
            if let review = advisory.review { notes.append(review) }
            if !advisory.verified { notes.append("The advisory's id or range was not confirmed in a primary source.") }
            subject.set("needs_review", .bool(!notes.isEmpty), from: package.path)
            subject.set("review_note", .string(notes.joined(separator: " ")), from: package.path)
            subject.set("version_is_range", .bool(isRange), from: package.path)
            subject.set("version_basis", .string(match.example.map { "\(package.basis); assumed \($0), an affected version the range allows" } ?? package.basis), from: package.path)
            subject.set("affected_phrase", .string(isRange ? "may be affected by" : "is affected by"), from: package.path)
            subject.set("version_relation", .string(match.example.map { "a range that allows \($0), which lies in the affected range" } ?? "which lies in the affected range"), from: package.path)
            subject.set("cwe_note", FactValue(advisory.cwe), from: package.path)
            subject.set("dedicated", .bool(advisory.dedicated && !isRange), from: package.path)
            subject.set("affected_mounts", .list(advisory.requires?.contains("static_files") == true ? mounts : []), from: "static_files")
            subject.set("url", .string(advisory.url), from: package.path)
            if range.fixed != nil, ["fastapi", "starlette"].contains(advisory.package), let plan = framework {
                subject.set("remedy", .string("Install \(plan.requirements.joined(separator: " with ")) together (one set that fixes every advisory of both packages and installs with the model's pins), pin them in the lock file and rebuild the image. \(plan.rationale)"))
                subject.set("upgrade_command", .list(["pip", "install"] + plan.requirements))
            } else if let fixed = range.fixed {
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

    /// The affected range that holds the package's version; for a range, the first affected range
    /// the allowed range intersects, with an allowed affected version as the example.
    static func match(_ advisory: KnownAdvisory, _ package: InstalledPackages.Package) -> (range: KnownAdvisory.AffectedRange, example: PackageVersion?)? {
        switch package.requirement.form {
        case .resolved(let version), .locked(let version, _):
            return advisory.range(containing: version).map { ($0, nil) }
        case .range(let allowed):
            for affected in advisory.ranges {
                if let example = intersection(affected, allowed) { return (affected, example) }
            }
            return nil
        }
    }

    /// The lowest version both ranges hold, among their bounds; `nil` when they do not meet.
    static func intersection(_ affected: KnownAdvisory.AffectedRange, _ allowed: VersionRange) -> PackageVersion? {
        var candidates = [affected.introduced ?? PackageVersion([0])]
        if let lower = allowed.lowerBound {
            candidates.append(lower.inclusive ? lower.version : PackageVersion(lower.version.release + [1]))
        }
        if let last = affected.lastAffected { candidates.append(last) }
        return candidates.sorted().first { affected.contains($0) && allowed.contains($0) }
    }

    /// Whether the model shows the feature an advisory needs (`KnownAdvisory.requires`).
    static func requirementMet(_ requirement: String?, model: ArchitectureModel) -> Bool {
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
