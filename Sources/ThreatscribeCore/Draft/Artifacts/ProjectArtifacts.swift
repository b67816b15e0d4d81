import Foundation

/// A file of a project that `init` offers to ``ArtifactMerge``: its path relative to the project
/// (as `source:` values cite it) and its bytes. The CLI walks the project and reads them.
public struct ProjectFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Whether `init` should read the file at `path` for ``ArtifactMerge``: JSON, YAML and XML files
    /// (which one they are is decided by their content), `.env` files and the top `.gitignore`.
    public static func isCandidate(_ path: String) -> Bool {
        let name = DraftSource.fileName(path).lowercased()
        if path == ".gitignore" || DotEnvFile.isEnvironmentFileName(name) { return true }
        if ProjectArtifacts.notArtifacts.contains(name) { return false }
        return [".json", ".yaml", ".yml", ".xml"].contains { name.hasSuffix($0) }
    }
}

/// The artifacts recognised among a project's files, by content: OpenAPI documents, Kubernetes
/// manifests and Helm values, CycloneDX SBOMs and `.env` files. A file that looks like one but
/// cannot be read gives a located warning, never an error: `init` still writes its draft.
struct ProjectArtifacts: Sendable {
    var openAPI: [(file: String, document: OpenAPIDescription)] = []
    var manifests: [(file: String, documents: [LocatedNode])] = []
    var helmValues: [(file: String, values: LocatedNode)] = []
    var sboms: [(file: String, bom: CycloneDXBOM)] = []
    var environmentFiles: [DotEnvFile] = []
    /// `file:line:col: warning: …` for artifacts that could not be read.
    var warnings: [String] = []
    /// Patterns of the project's top `.gitignore`.
    var ignored = IgnorePatterns(text: "")

    /// Files whose names say they are no artifact `init` merges (compose files are read by `init` itself).
    static let notArtifacts: Set<String> = [
        "package.json", "package-lock.json", "tsconfig.json", "composer.json", "compose.yaml", "compose.yml",
        "docker-compose.yaml", "docker-compose.yml", "compose.override.yaml", "compose.override.yml",
        "docker-compose.override.yaml", "docker-compose.override.yml", ".pre-commit-config.yaml", "mkdocs.yml",
        "chart.yaml", "pnpm-lock.yaml", "renovate.json", "dependabot.yml", "codecov.yml",
    ]

    init(files: [ProjectFile]) {
        for file in files {
            if file.path == ".gitignore" {
                ignored = IgnorePatterns(text: String(decoding: file.bytes.prefix(1 << 20), as: UTF8.self))
                continue
            }
            if DotEnvFile.isEnvironmentFileName(DraftSource.fileName(file.path).lowercased()) {
                environmentFiles.append(DotEnvFile(text: String(decoding: file.bytes, as: UTF8.self), file: file.path))
                continue
            }
            do { try recognise(file) } catch {
                warnings += error.diagnostics.prefix(3).map { Diagnostic(.warning, "not merged: \($0.message)", at: $0.location).description }
            }
        }
    }

    private mutating func recognise(_ file: ProjectFile) throws(DiagnosticList) {
        let content = file.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(file.bytes.dropFirst(3)) : file.bytes
        let start = SourceLocation(file: file.path, line: 1, column: 1)
        if content.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "<") {
            // Only a CycloneDX SBOM is merged; other XML (a .tm7, a draw.io page, a pom) is left to `import`.
            guard Self.mentions(content, "cyclonedx.org/schema/bom") else { return }
            let root = try HardenedXMLReader.read(content, file: file.path)
            if root.name == "bom", root.namespace?.hasPrefix("http://cyclonedx.org/schema/bom/") ?? false {
                sboms.append((file.path, CycloneDXBOM.read(xml: root, file: file.path)))
            }
            return
        }
        // A cheap look before parsing: an artifact has one of these top-level keys (a YAML line that
        // starts with it; in JSON, the quoted key anywhere, as sorted dumps put `openapi` last);
        // Helm values are recognised in files named `values*.yaml`.
        let keys = ["openapi", "swagger", "bomFormat", "apiVersion"]
        let name = DraftSource.fileName(file.path).lowercased()
        let values = name.hasPrefix("values") && (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
        let isJSON = content.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }).map { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") } ?? false
        let keyed = keys.contains { key in
            isJSON ? Self.mentions(content, "\"\(key)\"") : content.starts(with: Array("\(key):".utf8)) || Self.mentions(content, "\n\(key):")
        }
        guard values || keyed else { return }
        if !isJSON && Self.mentions(content, "{{") && !Self.mentions(content, "\nopenapi:") { return }  // a Helm template, not YAML
        guard let text = String(bytes: content, encoding: .utf8) else {
            throw DiagnosticList([Diagnostic(.warning, "not UTF-8 text", at: start)])
        }
        let documents = try ImportedYAML.documents(text, file: file.path).filter { !$0.isNull }
        guard let first = documents.first else { return }
        if let description = try OpenAPIDescription.read(first) {
            openAPI.append((file.path, description))
        } else if first.text("bomFormat") == "CycloneDX" {
            sboms.append((file.path, CycloneDXBOM.read(json: first, file: file.path)))
        } else if documents.contains(where: KubernetesWorkload.describesDeployment) {
            manifests.append((file.path, documents))
        } else if values, documents.count == 1, HelmValues.looksLikeValues(first) {
            helmValues.append((file.path, first))
        }
    }

    /// Whether `bytes` contains `text` (ASCII), a cheap look before parsing.
    static func mentions(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}

/// The patterns of a `.gitignore`, enough to tell whether a `.env` file is committed: `*` and `?`
/// globs, a leading `/`, negation with `!` (the last matching pattern wins).
struct IgnorePatterns: Sendable {
    var patterns: [(glob: String, negated: Bool, anchored: Bool)] = []

    init(text: String) {
        for raw in text.split(separator: "\n").prefix(5000) {
            var line = raw.trimmingWhitespaces
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let negated = line.hasPrefix("!")
            if negated { line.removeFirst() }
            if line.hasSuffix("/") { continue }  // directories
            let anchored = line.hasPrefix("/") || line.dropLast().contains("/")
            if line.hasPrefix("/") { line.removeFirst() }
            if line.hasPrefix("**/") { line.removeFirst(3) }
            patterns.append((line, negated, anchored && !line.hasPrefix("**")))
        }
    }

    /// Whether git would ignore the file at `path` (relative to the project).
    func ignores(_ path: String) -> Bool {
        var ignored = false
        let name = DraftSource.fileName(path)
        for pattern in patterns where Self.glob(pattern.glob, matches: pattern.anchored ? path : name) {
            ignored = !pattern.negated
        }
        return ignored
    }

    static func glob(_ pattern: String, matches text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || (p[pi] == t[ti] && p[pi] != "*") {
                pi += 1; ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
