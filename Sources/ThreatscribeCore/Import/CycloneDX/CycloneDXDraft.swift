/// Turns a ``CycloneDXBOM`` into a draft: the framework packages (`fastapi`, `starlette`,
/// `pydantic`, `uvicorn`) under `frameworks`, every other Python package under `dependencies`, each
/// version written as resolved by the SBOM (`"0.45.3 (sbom.json:120)"`), so the advisory entries
/// match it as a locked version.
enum CycloneDXDraft {
    static let frameworkNames: Set<String> = ["fastapi", "starlette", "pydantic", "uvicorn"]

    static func draft(_ bom: CycloneDXBOM, file: String) -> ImportDraft {
        let name = bom.subject.map { "\($0.name)\($0.version.map { " \($0)" } ?? "")" } ?? "Service described by \(DraftSource.fileName(file))"
        var model = DraftSource.root(systemName: name, at: bom.subject?.location ?? SourceLocation(file: file, line: 1, column: 1))
        var frameworks: [(String, DraftNode)] = []
        var dependencies: [DraftNode] = []
        var seen: Set<String> = []
        var others = 0, unversioned = 0
        for component in bom.components {
            guard component.isPythonPackage else {
                others += 1
                continue
            }
            let package = normalized(component.name)
            guard let version = component.version, !version.isEmpty, version.first?.isNumber ?? false else {
                unversioned += 1
                continue
            }
            guard seen.insert(package).inserted else { continue }
            let resolved = DraftNode.string("\(version) (\(component.location.file):\(component.location.line))")
            if frameworkNames.contains(package) {
                frameworks.append((package, resolved))
            } else {
                dependencies.append(.mapping([("name", .string(package)), ("version", resolved), ("source", DraftSource.reference(component.location))]))
            }
        }
        if !frameworks.isEmpty { model.append("frameworks", .mapping(frameworks.sorted { $0.0 < $1.0 })) }
        model.append("build", .mapping([("sbom", .boolean(true, comment: "this CycloneDX SBOM")), ("source", .string(file))]))
        if !dependencies.isEmpty { model.append("dependencies", .sequence(dependencies)) }
        var found = ["\(bom.components.count) components: \(frameworks.count) framework packages (\(frameworks.map(\.0).sorted().joined(separator: ", "))), \(dependencies.count) other Python packages"]
        if others > 0 { found.append("\(others) components that are not Python packages (left out)") }
        if unversioned > 0 { found.append("\(unversioned) Python packages without a resolved version (left out)") }
        return ImportDraft(kind: "CycloneDX \(bom.specVersion ?? "") SBOM", model: model, found: found, questions: [
            "The SBOM lists packages only: the app, its routes, auth and deployment must come from the code (`threatscribe init`) or another artifact.",
        ])
    }

    /// The PEP 503 normal form of a package name: lower case, runs of `-_.` as one `-`.
    static func normalized(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            if "-_.".contains(character) {
                if !result.hasSuffix("-") { result.append("-") }
            } else {
                result.append(character)
            }
        }
        return result
    }
}
