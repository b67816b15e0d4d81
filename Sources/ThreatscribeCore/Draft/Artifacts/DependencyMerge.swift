/// A CycloneDX SBOM's resolved versions merged into the draft's `frameworks` and `dependencies`.
///
/// A version the code's files leave open (absent or a range) takes the SBOM's, written as resolved
/// by it (`"0.41.3 (bom.json:120)"`) when the range admits it; a version a lock file or a pin
/// already fixes stays, and a different SBOM version is a conflict. Packages the code's files do
/// not name are added only when an advisory threatscribe knows names them.
extension MergeState {
    mutating func merge(sbom: CycloneDXBOM, file: String) {
        var frameworks = model["frameworks"] ?? .mapping([])
        var dependencies = model["dependencies"]?.items ?? []
        let advised = Set(KnownAdvisories.all.map { CycloneDXDraft.normalized($0.package) })
        var set = 0, added = 0, kept = 0, seen: Set<String> = []
        let before = conflicts.count
        for component in sbom.components where component.isPythonPackage {
            let package = CycloneDXDraft.normalized(component.name)
            guard let version = component.version, version.first?.isNumber ?? false, PackageVersion(version) != nil,
                  seen.insert(package).inserted else { continue }
            let place = "\(component.location.file):\(component.location.line)"
            let resolved = "\(version) (\(place))"
            if CycloneDXDraft.frameworkNames.contains(package) {
                switch decide(frameworks[package], version: version, package: package, place: place) {
                case .set(let comment):
                    frameworks[package] = .string(resolved, comment: comment)
                    set += 1
                case .keep: kept += 1
                }
            } else if let index = dependencies.firstIndex(where: { $0["name"].map { CycloneDXDraft.normalized($0.shownText ?? "") } == package }) {
                switch decide(dependencies[index]["version"], version: version, package: package, place: place) {
                case .set(let comment):
                    var item = dependencies[index]
                    item["version"] = .string(resolved, comment: comment)
                    if let source = item["source"] { item["source"] = nil; item["source"] = source }
                    if item.comment == "no version stated" { item.comment = nil }
                    dependencies[index] = item
                    set += 1
                case .keep: kept += 1
                }
            } else if advised.contains(package) {
                dependencies.append(.mapping([("name", .string(package)), ("version", .string(resolved)), ("source", .string(place))]))
                added += 1
            }
        }
        if !frameworks.isEmptyCollection { model["frameworks"] = frameworks }
        if !dependencies.isEmpty { model["dependencies"] = .sequence(dependencies) }
        var build = model["build"] ?? .mapping([])
        if build["sbom"] == nil {
            build["sbom"] = .boolean(true, comment: "\(file) is a CycloneDX SBOM")
            if build["source"] == nil { build["source"] = .string(file) }
            model["build"] = build
        }
        var line = "\(file) (CycloneDX \(sbom.specVersion ?? "") SBOM): \(sbom.components.count) components; versions set for \(set) packages, \(added) added (known advisories name them), \(kept) kept as the project's files fix them"
        if conflicts.count > before { line += "; \(counted(conflicts.count - before, "conflict"))" }
        merged.append(line)
    }

    enum VersionDecision { case set(comment: String?), keep }

    /// Whether the SBOM's `version` replaces `current` (the code's), and the conflict when it differs.
    mutating func decide(_ current: DraftNode?, version: String, package: String, place: String) -> VersionDecision {
        guard let current, let text = current.shownText else { return .set(comment: nil) }
        let declared = current.comment.map { "\(text) declared at \($0)" } ?? "\(text) declared"
        guard let requirement = VersionRequirement(text), let sbomVersion = PackageVersion(version) else {
            return .set(comment: declared)
        }
        switch requirement.form {
        case .range(let range):
            if range.contains(sbomVersion) { return .set(comment: declared) }
            conflicts.append("\(package): the project's files allow \(text)\(current.comment.map { " (\($0))" } ?? ""), \(place) lists \(version), outside that range")
            return .keep
        case .resolved(let pinned), .locked(let pinned, _):
            if pinned != sbomVersion {
                conflicts.append("\(package): the project's files fix \(text)\(current.comment.map { " (\($0))" } ?? ""), \(place) lists \(version)")
            }
            return .keep
        }
    }
}
