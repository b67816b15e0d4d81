import Foundation

/// The package versions a model names (`frameworks`, `dependencies`, and uvicorn's `server.version`),
/// each with the model path it is written at: a resolved version, a version a lock file resolves,
/// or a range (`VersionRequirement`). Texts that are none of these are left out (validation reports them).
struct InstalledPackages {
    struct Package {
        var name: String
        var requirement: VersionRequirement
        /// The version as the model writes it.
        var text: String
        var path: ModelPath

        /// The one version installed, when the model resolves it (directly or by a lock file).
        var version: PackageVersion? { requirement.version }

        /// Why the analysis takes this version: one clause for evidence lines.
        var basis: String {
            switch requirement.form {
            case .resolved: "the version \(path) states"
            case .locked(_, let lockFile): "resolved by \(lockFile), as \(path) states"
            case .range: "\(path) gives the range `\(text)`, not a resolved version: every version it allows is considered"
            }
        }
    }

    /// By normalised name (`python_multipart` → `python-multipart`).
    var packages: [String: Package] = [:]

    init(model: ArchitectureModel) {
        for (name, text) in (model.frameworks ?? [:]).sorted(by: { $0.key < $1.key }) {
            add(name, text, at: ModelPath("frameworks").appending(name))
        }
        for (index, dependency) in (model.dependencies ?? []).enumerated() {
            guard let text = dependency.version else { continue }
            add(dependency.name, text, at: ModelPath("dependencies").appending(index).appending("version"))
        }
        if let server = model.server, server.kind?.lowercased() == "uvicorn", let text = server.version {
            add("uvicorn", text, at: "server.version")
        }
    }

    private mutating func add(_ name: String, _ text: String, at path: ModelPath) {
        let key = Self.normalize(name)
        guard packages[key] == nil, let requirement = VersionRequirement(text) else { return }
        packages[key] = Package(name: key, requirement: requirement, text: text, path: path)
    }

    /// PEP 503 normalisation: lower case, runs of `-`, `_`, `.` become `-`.
    static func normalize(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            if character == "-" || character == "_" || character == "." {
                if !result.hasSuffix("-") { result.append("-") }
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// A specifier that admits more than one version (or that is not a version at all).
    static func isRange(_ text: String) -> Bool {
        guard let requirement = VersionRequirement(text) else { return true }
        return requirement.version == nil
    }

    /// The one version a specifier names (`0.115.0`, `==0.115.0`, `0.115.0 (uv.lock)`), or nil for a range.
    static func exact(_ text: String) -> PackageVersion? {
        VersionRequirement(text)?.version
    }
}
