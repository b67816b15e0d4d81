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
        // Indexing and decoding the base need only its shape, so they run beside its checks, on two cores:
        // validation then (when it passes) decoding on one, indexing then the consistency check on the other.
        // A model with problems drops the index and the model.
        let (validated, checked) = concurrently({ () -> (problems: [Diagnostic], decoded: Result<ArchitectureModel, DiagnosticList>?) in
            var validation = SchemaValidation(schema: schema)
            validation.validateModel(root, mode: .base)
            guard validation.problems.isEmpty else { return (validation.problems, nil) }
            return ([], Result { () throws(DiagnosticList) in try ModelDecoding(schema: schema).decodeValues(root) })
        }, {
            let indexed = BaseModelSections.index(root, schema: schema)
            var consistency = ModelConsistency(schema: schema)
            consistency.check(root)
            return (indexed: indexed, consistency: consistency)
        })
        let (declared, mergedTrees) = try checkedEnvironments(root, baseProblems: validated.problems, baseConsistency: checked.consistency, schema: schema)
        let decoded = try (validated.decoded ?? Result { () throws(DiagnosticList) in try ModelDecoding(schema: schema).decodeValues(root) }).get()
        let base = BaseModelSections(root: root, schema: schema, decoded: decoded, indexed: checked.indexed)
        guard !declared.isEmpty else {
            let only = ResolvedEnvironment(name: "default", kind: nil, baseURL: nil, model: base.model, locations: base.locations)
            return LoadedModel(file: file, base: base.model, baseLocations: base.locations, environments: [only])
        }

        var environments: [ResolvedEnvironment] = []
        for (position, merged) in mergedTrees.enumerated() {
            let declaration = base.model.environments?[position]
            let resolved: (model: ArchitectureModel, locations: ModelLocations)
            if let changed = merged.changed {
                resolved = try changed.isEmpty ? (base.model, base.locations) : base.environment(merged.tree, changing: changed)
            } else {
                resolved = (try ModelDecoding(schema: schema).decode(merged.tree), LocationIndex(schema: schema).locations(of: merged.tree))
            }
            environments.append(ResolvedEnvironment(
                name: declaration?.name ?? "environment \(position)",
                kind: declaration?.kind,
                baseURL: declaration?.baseUrl,
                model: resolved.model,
                locations: resolved.locations
            ))
        }
        return LoadedModel(file: file, base: base.model, baseLocations: base.locations, environments: environments)
    }

    /// The declared environments of `root` and their merged trees (with the top-level keys their overrides
    /// set), once the base (with `baseProblems` from validation, and `baseConsistency` checked) and every
    /// environment merged from it pass the checks.
    private static func checkedEnvironments(_ root: LocatedNode, baseProblems validationProblems: [Diagnostic], baseConsistency: ModelConsistency,
                                            schema: ModelSchema) throws(DiagnosticList)
        -> (declared: [LocatedNode], mergedTrees: [(tree: LocatedNode, changed: Set<String>?)]) {
        let baseProblems = validationProblems + baseConsistency.problems

        // Merge and check every environment even when the base has problems, so one run reports
        // everything; a merged problem at a place the base check already reported is the same problem.
        let declared = root["environments"]?.items ?? []
        var mergedTrees: [(tree: LocatedNode, changed: Set<String>?)] = []
        var environmentProblems = EnvironmentProblems()
        for (position, node) in declared.enumerated() {
            let name = node["name"]?.scalarValue?.text ?? "environments[\(position)]"
            var merged = root
            var changed: Set<String>? = []
            if let overrides = node["overrides"] {
                let merge = OverrideMerge(schema: schema).merged(root, with: overrides)
                merged = merge.tree
                environmentProblems.add(merge.problems, environment: name)
                changed = overrides.entries.map { Set($0.map(\.key)) }
            }
            let problems = mergedProblems(in: merged, changing: changed, baseSites: baseConsistency.referenceSites, schema: schema)
            environmentProblems.add(problems, environment: name)
            mergedTrees.append((merged, changed))
        }
        let reported = Set(baseProblems.compactMap(\.location))
        let mergedProblems = environmentProblems.diagnostics.filter { problem in
            problem.location.map { !reported.contains($0) } ?? true
        }
        try requireNoErrors(baseProblems + mergedProblems)
        return (declared, mergedTrees)
    }

    /// Schema and consistency problems of a whole tree.
    static func problems(in root: LocatedNode, mode: SchemaValidation.Mode, schema: ModelSchema) -> [Diagnostic] {
        var validation = SchemaValidation(schema: schema)
        validation.validateModel(root, mode: mode, skipping: mode == .merged ? ["environments"] : [])
        var consistency = ModelConsistency(schema: schema)
        consistency.check(root)
        return validation.problems + consistency.problems
    }

    /// The problems of an environment's merged tree that the base check does not already report, where
    /// `changed` are the top-level keys its overrides set (`nil`: check the whole tree) and `baseSites` the
    /// references the base check met.
    ///
    /// A section the overrides leave alone is the base's own subtree, and `.merged` validation of a subtree
    /// reports a subset of what `.base` validation reports for it (it differs only in accepting `null` for
    /// optional keys and map values), at the same places; the loader drops merged problems at places the
    /// base check reported, so only changed sections and the top level are validated. References span
    /// sections (a router names an auth mechanism) and are all checked again (`ModelConsistency`); without
    /// overrides the tree is the base and has no problems of its own.
    static func mergedProblems(in merged: LocatedNode, changing changed: Set<String>?, baseSites: [String: [ModelConsistency.ReferenceSite]],
                               schema: ModelSchema) -> [Diagnostic] {
        guard let changed else { return problems(in: merged, mode: .merged, schema: schema) }
        if changed.isEmpty { return [] }
        let unchanged = (merged.entries ?? []).map(\.key).filter { !changed.contains($0) }
        var validation = SchemaValidation(schema: schema)
        validation.validateModel(merged, mode: .merged, skipping: Set(unchanged).union(["environments"]))
        var consistency = ModelConsistency(schema: schema)
        consistency.check(merged, changing: changed, baseSites: baseSites)
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
