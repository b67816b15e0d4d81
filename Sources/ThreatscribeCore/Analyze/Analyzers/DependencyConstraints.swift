import Foundation

/// What each FastAPI release requires of Starlette and Pydantic, read from
/// `Catalog/reference/dependency-constraints.yaml` (generated from PyPI metadata by
/// `scripts/data/dependency-constraints.py`), and the Starlette releases published.
struct DependencyConstraints: Sendable, Equatable {
    /// A run of consecutive FastAPI releases that declare the same ranges.
    struct Run: Sendable, Equatable {
        var first: PackageVersion
        var last: PackageVersion
        var starlette: VersionRange
        var pydantic: VersionRange
        /// The ranges as the metadata writes them, for prose.
        var starletteText: String
        var pydanticText: String

        func contains(_ version: PackageVersion) -> Bool { !(version < first) && !(last < version) }
    }

    static let path = "Catalog/reference/dependency-constraints.yaml"

    var retrieved: String
    var runs: [Run]
    var starletteReleases: [PackageVersion]

    /// The built-in table, from its precompiled JSON; empty when that is unreadable (a test holds the
    /// file to its format and the JSON to the file).
    static let builtIn: DependencyConstraints = (try? parse(root: PrecompiledReference.object(fromJSON: PrecompiledReferenceJSON.dependencyConstraints)))
        ?? DependencyConstraints(retrieved: "", runs: [], starletteReleases: [])

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> DependencyConstraints {
        try parse(root: PrecompiledReference.object(fromYAML: text))
    }

    /// Parses the table's data (from the YAML, or its precompiled JSON).
    static func parse(root: Any) throws -> DependencyConstraints {
        guard let root = root as? [String: Any], let rows = root["fastapi"] as? [[String: Any]],
              let retrieved = root["retrieved"] as? String, let releases = root["starlette_releases"] as? [String] else {
            throw ParseError(description: "\(path) needs `retrieved`, `fastapi` and `starlette_releases`")
        }
        let runs = try rows.map { row -> Run in
            guard let first = (row["first"] as? String).flatMap(PackageVersion.init), let last = (row["last"] as? String).flatMap(PackageVersion.init),
                  let starlette = row["starlette"] as? String, let pydantic = row["pydantic"] as? String,
                  let starletteRange = VersionRange(starlette), let pydanticRange = VersionRange(pydantic) else {
                throw ParseError(description: "\(path): a row needs quoted `first`, `last`, `starlette` and `pydantic` versions/ranges: \(row)")
            }
            return Run(first: first, last: last, starlette: starletteRange, pydantic: pydanticRange, starletteText: starlette, pydanticText: pydantic)
        }
        let versions = try releases.map { text in
            guard let version = PackageVersion(text) else { throw ParseError(description: "\(path): bad Starlette release \(text)") }
            return version
        }
        return DependencyConstraints(retrieved: retrieved, runs: runs, starletteReleases: versions.sorted())
    }

    /// The run that holds a FastAPI release, if the table covers it.
    func run(containing fastapi: PackageVersion) -> Run? { runs.first { $0.contains(fastapi) } }
}
