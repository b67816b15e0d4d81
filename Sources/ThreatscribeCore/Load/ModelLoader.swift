/// Reads a model file's text into a validated `LoadedModel` with one resolved model per environment.
///
/// The pipeline: parse (YAML or JSON) → validate against `ModelSchema.current` → check references
/// → decode the base → for each environment merge its overrides, validate and decode the result.
/// The loader does no file I/O; the caller reads the file and passes its name for locations.
public enum ModelLoader {
    /// Loads a model from `text`; `file` is the name used in every location.
    ///
    /// - Throws: a `DiagnosticList` with every problem found, ordered by line and column,
    ///   each printed as `file:line:col: error: message`.
    public static func load(text: String, file: String) throws(DiagnosticList) -> LoadedModel {
        try load(text: text, file: file, schema: .current)
    }

    static func load(text: String, file: String, schema: ModelSchema) throws(DiagnosticList) -> LoadedModel {
        let root = try LocatedNode.parse(text, file: file)
        let baseProblems = problems(in: root, mode: .base, schema: schema)

        // Merge and check every environment even when the base has problems, so one run reports
        // everything; a merged problem at a place the base check already reported is the same problem.
        let declared = root["environments"]?.items ?? []
        var mergedTrees: [LocatedNode] = []
        var environmentProblems = EnvironmentProblems()
        for (position, node) in declared.enumerated() {
            let name = node["name"]?.scalarValue?.text ?? "environments[\(position)]"
            var merged = root
            if let overrides = node["overrides"] {
                let merge = OverrideMerge(schema: schema).merged(root, with: overrides)
                merged = merge.tree
                environmentProblems.add(merge.problems, environment: name)
            }
            environmentProblems.add(problems(in: merged, mode: .merged, schema: schema), environment: name)
            mergedTrees.append(merged)
        }
        let reported = Set(baseProblems.compactMap(\.location))
        let mergedProblems = environmentProblems.diagnostics.filter { problem in
            problem.location.map { !reported.contains($0) } ?? true
        }
        try requireNoErrors(baseProblems + mergedProblems)

        let decoding = ModelDecoding(schema: schema)
        let index = LocationIndex(schema: schema)
        let base = try decoding.decode(root)
        let baseLocations = index.locations(of: root)
        guard !declared.isEmpty else {
            let only = ResolvedEnvironment(name: "default", kind: nil, baseURL: nil, model: base, locations: baseLocations)
            return LoadedModel(file: file, base: base, baseLocations: baseLocations, environments: [only])
        }

        var environments: [ResolvedEnvironment] = []
        for (position, merged) in mergedTrees.enumerated() {
            let declaration = base.environments?[position]
            environments.append(ResolvedEnvironment(
                name: declaration?.name ?? "environment \(position)",
                kind: declaration?.kind,
                baseURL: declaration?.baseUrl,
                model: try decoding.decode(merged),
                locations: index.locations(of: merged)
            ))
        }
        return LoadedModel(file: file, base: base, baseLocations: baseLocations, environments: environments)
    }

    /// Schema and consistency problems of a whole tree, in file order.
    static func problems(in root: LocatedNode, mode: SchemaValidation.Mode, schema: ModelSchema) -> [Diagnostic] {
        var validation = SchemaValidation(schema: schema)
        validation.validateModel(root, mode: mode, skipping: mode == .merged ? ["environments"] : [])
        var consistency = ModelConsistency(schema: schema)
        consistency.check(root)
        return validation.problems + consistency.problems
    }

    private static func requireNoErrors(_ problems: [Diagnostic]) throws(DiagnosticList) {
        guard !problems.isEmpty else { return }
        var unique: [Diagnostic] = []
        for problem in problems.sorted(by: DiagnosticList.order) where unique.last != problem {
            unique.append(problem)
        }
        throw DiagnosticList(unique)
    }
}

/// Problems found in merged environments; the same problem in several environments is reported once.
struct EnvironmentProblems {
    private var order: [Diagnostic] = []
    private var environments: [Diagnostic: [String]] = [:]

    mutating func add(_ problems: [Diagnostic], environment: String) {
        for problem in problems {
            if environments[problem] == nil { order.append(problem) }
            if environments[problem]?.contains(environment) != true { environments[problem, default: []].append(environment) }
        }
    }

    /// Each problem with the environments it occurs in: `… (in environment `production`)`.
    var diagnostics: [Diagnostic] {
        order.map { problem in
            let names = environments[problem] ?? []
            var tagged = problem
            let list = names.map { "`\($0)`" }.joined(separator: ", ")
            tagged.message += names.count == 1 ? " (in environment \(list))" : " (in environments \(list))"
            return tagged
        }
    }
}
