/// One set of versions that fixes every matched advisory of FastAPI and Starlette and installs together:
/// the lowest FastAPI release (not below the model's) whose declared Starlette range admits a fixed
/// Starlette release, that Starlette release, and the model's Pydantic pin kept where the FastAPI
/// release accepts it. Other packages have no coupling here: their set is the fixed version alone.
struct UpgradePlan: Equatable, Sendable {
    /// `name==version` requirements, in install order.
    var requirements: [String]
    /// Why these versions: one or two sentences for the finding's prose.
    var rationale: String

    /// The plan for the FastAPI/Starlette pair. `current` are the versions the model names (nil when it
    /// gives a range or nothing); `minimum` the lowest version that fixes the package's advisories.
    static func framework(currentFastAPI: PackageVersion?, currentStarlette: PackageVersion?, pydantic: PackageVersion?,
                          minimumFastAPI: PackageVersion?, minimumStarlette: PackageVersion?,
                          constraints: DependencyConstraints = .builtIn) -> UpgradePlan? {
        let starletteFloor = [currentStarlette, minimumStarlette].compactMap { $0 }.max()
        guard let fastapiFloor = [currentFastAPI, minimumFastAPI].compactMap({ $0 }).max() ?? constraints.runs.first?.first else {
            return nil
        }
        // Candidates: the floor itself where the table covers it, then the first release of every later run.
        var candidates: [(version: PackageVersion, run: DependencyConstraints.Run)] = []
        if let run = constraints.run(containing: fastapiFloor) { candidates.append((fastapiFloor, run)) }
        for run in constraints.runs where fastapiFloor < run.first { candidates.append((run.first, run)) }
        for (fastapi, run) in candidates {
            if let pydantic, !run.pydantic.contains(pydantic) { continue }
            let starlette: PackageVersion?
            if let currentStarlette, minimumStarlette == nil || !(currentStarlette < minimumStarlette!), run.starlette.contains(currentStarlette) {
                starlette = currentStarlette
            } else {
                starlette = constraints.starletteReleases.first { release in
                    run.starlette.contains(release) && !(starletteFloor.map { release < $0 } ?? false)
                }
            }
            guard let starlette else { continue }
            let keepsFastAPI = currentFastAPI == fastapi
            var reasons: [String] = []
            if let currentFastAPI, !keepsFastAPI, let old = constraints.run(containing: currentFastAPI) {
                reasons.append("FastAPI \(currentFastAPI) requires starlette \(old.starletteText), which admits no fixed Starlette release; FastAPI \(fastapi) is the first release that does (it requires starlette \(run.starletteText)).")
            } else if !keepsFastAPI {
                reasons.append("FastAPI \(fastapi) is the first release whose Starlette range admits \(starlette) (it requires starlette \(run.starletteText)).")
            } else {
                reasons.append("FastAPI \(fastapi) accepts starlette \(run.starletteText), so Starlette alone changes.")
            }
            if let pydantic { reasons.append("Pydantic \(pydantic) stays: FastAPI \(fastapi) accepts pydantic \(run.pydanticText).") }
            reasons.append("Ranges from the packages' published metadata (PyPI, retrieved \(constraints.retrieved)).")
            return UpgradePlan(requirements: ["fastapi==\(fastapi)", "starlette==\(starlette)"], rationale: reasons.joined(separator: " "))
        }
        return nil
    }
}
