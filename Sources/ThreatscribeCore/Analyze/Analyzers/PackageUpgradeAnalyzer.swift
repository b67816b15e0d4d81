/// One subject per package that has at least one advisory applying to the version the model names
/// (scope `upgrade`): every advisory of that version with whether its precondition holds in the model,
/// and one version set that fixes them all and installs with the model's other pins (`UpgradePlan`).
struct PackageUpgradeAnalyzer: Analyzer {
    let scopes = [FactScope("upgrade", "A package whose named version has advisories, and the one upgrade that fixes them all.", fields: [
        FactField("package", .string, "The package (PEP 503 name)."),
        FactField("installed_version", .string, "The version the model names (resolved, locked or a range)."),
        FactField("version_is_range", .bool, "The model gives a range, not a resolved version."),
        FactField("affected_phrase", .string, "`is affected by` for a resolved version, `may be affected by` for a range."),
        FactField("advisory_ids", .list, "The ids of the advisories that apply (their model precondition is met)."),
        FactField("advisory_count", .int, "How many advisories apply."),
        FactField("advisories", .list, "Every advisory of this version, one line each: id, fix, consequence, and whether its precondition is met in the model."),
        FactField("severity_class", .string, "`high`, `medium` or `low`: the worst consequence among the confirmed advisories that apply and no dedicated entry reports (among all of them when none is confirmed)."),
        FactField("needs_review", .bool, "Every advisory that applies matters only under a condition the model cannot show (or is unverified, or the version is a range)."),
        FactField("fixed_version", .string, "The lowest version of the package that fixes every advisory listed, or `none published`."),
        FactField("version_set", .list, "The versions to install together (`fastapi==…`, `starlette==…`), checked against the packages' declared ranges."),
        FactField("plan_rationale", .string, "Why that set: which FastAPI release admits the fixed Starlette, which pins stay."),
        FactField("remedy", .string, "What to do, in one sentence."),
        FactField("upgrade_command", .list, "The install command, one element per argument."),
    ])]

    var table: [KnownAdvisory] = KnownAdvisories.all
    var constraints: DependencyConstraints = .builtIn

    static let requirementText = [
        "static_files": ("a StaticFiles mount", "the model mounts StaticFiles"),
        "windows_static_files": ("StaticFiles served from a Windows host", "the model serves StaticFiles from a Windows image"),
        "cookie_auth": ("cookie authentication or SessionMiddleware", "the model authenticates with a cookie or uses SessionMiddleware"),
        "templates": ("Jinja2 templates", "the model renders templates"),
    ]

    private struct Entry {
        var advisory: KnownAdvisory
        var range: KnownAdvisory.AffectedRange
        var applies: Bool
        var needsReview: Bool
    }

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let model = context.model
        let installed = InstalledPackages(model: model)
        var byPackage: [String: [Entry]] = [:]
        let routes = context.routeTable
        let uploads = routes.routes.contains { $0.endpoint.capabilities?.acceptsUploads == true }
        for advisory in table {
            guard let package = installed.packages[advisory.package], let match = AdvisoryAnalyzer.match(advisory, package) else { continue }
            let applies = AdvisoryAnalyzer.requirementMet(advisory.requires, model: model)
            let shown = advisory.shownBy == "uploads" && uploads
            let needsReview = match.example != nil || (advisory.review != nil && !shown) || !advisory.verified
            byPackage[advisory.package, default: []].append(Entry(advisory: advisory, range: match.range, applies: applies, needsReview: needsReview))
        }
        let framework = Self.frameworkPlan(installed: installed, table: table, constraints: constraints)
        return byPackage.keys.sorted().compactMap { name in
            guard let package = installed.packages[name], let entries = byPackage[name] else { return nil }
            let reported = entries.filter { $0.applies && !$0.advisory.dedicated }
            guard !reported.isEmpty else { return nil }
            return subject(package: package, entries: entries, reported: reported, model: model, routes: routes,
                           framework: ["fastapi", "starlette"].contains(name) ? framework : nil)
        }
    }

    /// The FastAPI/Starlette set that fixes every advisory of both packages' named versions (whatever
    /// their preconditions), so every finding that recommends it recommends the same set; nil when
    /// neither package has an advisory or the model names no FastAPI.
    static func frameworkPlan(installed: InstalledPackages, table: [KnownAdvisory] = KnownAdvisories.all,
                              constraints: DependencyConstraints = .builtIn) -> UpgradePlan? {
        guard let fastapi = installed.packages["fastapi"] else { return nil }
        func minimum(_ name: String) -> PackageVersion? {
            guard let package = installed.packages[name] else { return nil }
            return table.filter { $0.package == name }.compactMap { AdvisoryAnalyzer.match($0, package)?.range.fixed }.max()
        }
        let minimumFastAPI = minimum("fastapi"), minimumStarlette = minimum("starlette")
        guard minimumFastAPI != nil || minimumStarlette != nil else { return nil }
        var current = fastapi.version
        if current == nil, case .range(let range) = fastapi.requirement.form { current = range.lowerBound?.version }
        return UpgradePlan.framework(currentFastAPI: current, currentStarlette: installed.packages["starlette"]?.version,
                                     pydantic: installed.packages["pydantic"]?.version,
                                     minimumFastAPI: minimumFastAPI, minimumStarlette: minimumStarlette, constraints: constraints)
    }

    private func subject(package: InstalledPackages.Package, entries: [Entry], reported: [Entry], model: ArchitectureModel, routes: RouteTable, framework: UpgradePlan?) -> FactSubject {
        let name = package.name
        var subject = FactSubject(scope: "upgrade", path: package.path, name: "\(name) \(package.text)", component: Component.dependencies)
        let at = package.path
        let isRange = package.version == nil
        subject.set("package", .string(name), from: at)
        subject.set("installed_version", .string(package.text), from: at)
        subject.set("version_is_range", .bool(isRange), from: at)
        subject.set("affected_phrase", .string(isRange ? "may be affected by" : "is affected by"), from: at)
        let applying = entries.filter(\.applies)
        subject.set("advisory_ids", .list(applying.map(\.advisory.id)), from: at)
        subject.set("advisory_count", .int(applying.count), from: at)
        let uploadEndpoint = routes.routes.first { $0.endpoint.capabilities?.acceptsUploads == true }?.displayName
        subject.set("advisories", .list(entries.map { line($0, uploadEndpoint: uploadEndpoint) }), from: at)
        // Confirmed advisories decide the severity; only when every one needs review does the worst of those.
        let confirmed = reported.filter { !$0.needsReview }
        let order = ["low": 0, "medium": 1, "high": 2]
        let worst = (confirmed.isEmpty ? reported : confirmed).map(\.advisory.severity).max { order[$0, default: 0] < order[$1, default: 0] } ?? "low"
        subject.set("severity_class", .string(worst), from: at)
        subject.set("needs_review", .bool(confirmed.isEmpty), from: at)
        let unfixed = entries.filter { $0.range.fixed == nil }
        let fixed = entries.compactMap(\.range.fixed).max()
        subject.set("fixed_version", .string(unfixed.isEmpty ? fixed?.description ?? "none published" : "none published"), from: at)
        if !unfixed.isEmpty {
            let alternative = AdvisoryAnalyzer.replacements[name].map { " (for example \($0))" } ?? ""
            subject.set("version_set", .list([]))
            subject.set("plan_rationale", .string("No fixed release of \(name) is published for \(unfixed.map(\.advisory.id).joined(separator: ", "))."))
            subject.set("remedy", .string("Replace \(name) with a maintained alternative\(alternative), or remove the affected usage."))
            subject.set("upgrade_command", .list(["pip", "uninstall", name]))
        } else if let framework {
            subject.set("version_set", .list(framework.requirements))
            subject.set("plan_rationale", .string(framework.rationale))
            subject.set("remedy", .string("Install \(framework.requirements.joined(separator: " with ")) together, pin both in the lock file and rebuild the image; this one change fixes every advisory listed."))
            subject.set("upgrade_command", .list(["pip", "install"] + framework.requirements))
        } else if let fixed {
            subject.set("version_set", .list(["\(name)==\(fixed)"]))
            subject.set("plan_rationale", .string("\(fixed) is the lowest release outside every affected range listed."))
            subject.set("remedy", .string("Upgrade \(name) from \(package.text) to \(fixed) or later, pin it in the lock file and rebuild the image; this one change fixes every advisory listed."))
            subject.set("upgrade_command", .list(["pip", "install", "\(name)==\(fixed)"]))
        }
        return subject
    }

    /// `GHSA-… (CVE-…), fixed in 1.0.1, high: summary. Precondition …` for one advisory.
    private func line(_ entry: Entry, uploadEndpoint: String?) -> String {
        let advisory = entry.advisory
        let id = advisory.aliases.isEmpty ? advisory.id : "\(advisory.id) (\(advisory.aliases.joined(separator: ", ")))"
        let fix = entry.range.fixed.map { "fixed in \($0)" } ?? "no fixed release"
        var text = "\(id), \(fix), \(advisory.severity): \(advisory.summary)."
        if let requirement = advisory.requires, let words = Self.requirementText[requirement] {
            text += entry.applies ? " Precondition met: \(words.1)." : " Precondition not met: it needs \(words.0), which the model does not show."
        }
        if entry.applies, let review = advisory.review, advisory.shownBy == "uploads", let endpoint = uploadEndpoint {
            text += " Precondition met: \(endpoint) accepts uploads (capabilities.accepts_uploads). \(review)"
        } else if entry.applies, let review = advisory.review {
            text += " To confirm (the model cannot show it): \(review)"
        } else if entry.applies, advisory.requires == nil {
            text += " No precondition: it applies as modelled."
        }
        if !advisory.verified { text += " Id or range not confirmed in a primary source." }
        if advisory.dedicated, entry.applies { text += " Reported in detail by its own finding." }
        return text
    }
}
