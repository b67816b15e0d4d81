import Foundation

/// The exact package versions a model names (`frameworks`, `dependencies`, and uvicorn's `server.version`),
/// each with the model path it is written at. Version ranges (`>=0.110`) are not versions and are left out.
struct InstalledPackages {
    struct Package {
        var name: String
        var version: PackageVersion
        /// The version as the model writes it.
        var text: String
        var path: ModelPath
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
        guard packages[key] == nil, let version = Self.exact(text) else { return }
        packages[key] = Package(name: key, version: version, text: text, path: path)
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

    /// A specifier that admits more than one version.
    static func isRange(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("==") || trimmed.hasPrefix("===") { return trimmed.contains("*") || trimmed.contains(",") }
        return trimmed.isEmpty || ">~^<!*".contains(trimmed.first!) || trimmed.contains(",") || trimmed.contains("*")
    }

    /// The one version a specifier names (`0.115.0`, `==0.115.0`), or nil for a range.
    static func exact(_ text: String) -> PackageVersion? {
        isRange(text) ? nil : PackageVersion(text)
    }
}
