/// What an analyzer sees: one environment of the model, and the others for comparison.
public struct AnalysisContext: Sendable {
    public var environment: ResolvedEnvironment
    public var allEnvironments: [ResolvedEnvironment]
    /// Route tables shared by the analyzers of one analysis (`routeTable`).
    var routeTables = RouteTableMemo()

    public init(environment: ResolvedEnvironment, allEnvironments: [ResolvedEnvironment]) {
        self.environment = environment
        self.allEnvironments = allEnvironments
    }

    public var model: ArchitectureModel { environment.model }
    public var locations: ModelLocations { environment.locations }
    /// The routes of the model, built once per distinct routing in the analysis.
    var routeTable: RouteTable { routeTables.table(for: model) }

    /// The version of a framework package the model names (`starlette`, `fastapi`, …).
    public func frameworkVersion(_ package: String) -> String? {
        model.packageVersion(package)
    }
}

/// Derives facts about one kind of model element. One analyzer a file.
public protocol Analyzer: Sendable {
    /// The scopes (vocabularies) whose subjects this analyzer produces.
    var scopes: [FactScope] { get }
    /// Every subject of those scopes in one environment. Global scopes yield exactly one subject.
    func subjects(in context: AnalysisContext) -> [FactSubject]
    /// The part of the model the subjects are computed from, when the analyzer reads nothing else of
    /// the context (not the environment's name, kind, URL or locations, nor the other environments).
    /// The analysis then computes the subjects from a context holding only this part, once for every
    /// environment whose part is equal (`SubjectReuse`). `nil` (the default): once per environment.
    func input(of model: ArchitectureModel) -> ArchitectureModel?
}

extension Analyzer {
    public func input(of model: ArchitectureModel) -> ArchitectureModel? { nil }
}

/// The vocabulary every catalog condition is checked against: the union of the analyzers' scopes.
public struct FactVocabulary: Sendable {
    public var scopes: [String: FactScope]

    public init(analyzers: [any Analyzer]) {
        var scopes: [String: FactScope] = [:]
        for analyzer in analyzers {
            for scope in analyzer.scopes {
                precondition(scopes[scope.name] == nil, "scope \(scope.name) declared twice")
                scopes[scope.name] = scope
            }
        }
        self.scopes = scopes
    }

    public var globalScopeNames: [String] { scopes.values.filter(\.isGlobal).map(\.name).sorted() }

    public var sortedScopes: [FactScope] { scopes.values.sorted { $0.name < $1.name } }
}
