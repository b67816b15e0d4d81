/// Where the values of one model (the base or an environment) come from.
public struct ModelLocations: Sendable, Equatable {
    /// The places of one section: listed, or read when asked from the section's located entry (which
    /// holds them all), so loading a large model does not build a dictionary entry per value.
    enum Section: Sendable {
        case listed([ModelPath: SourceLocation])
        case located(LocatedEntry)

        var isEmpty: Bool {
            if case .listed(let places) = self { return places.isEmpty }
            return false
        }

        /// Every place, as `LocationIndex` records them.
        var places: [ModelPath: SourceLocation] {
            switch self {
            case .listed(let places): return places
            case .located(let entry):
                var places: [ModelPath: SourceLocation] = [:]
                LocationIndex.recordModelLocations(ofSection: entry, into: &places)
                return places
            }
        }
    }

    /// Position of each value in the model file (the file that set it: base or override), by the first
    /// component of its path (a top-level key: its section; `nil` for the root itself), so that an
    /// environment shares the sections its overrides leave alone with the base rather than copying them.
    private(set) var sections: [ModelPath.Component?: Section]
    /// Position in the service's code that a value was derived from (`source:` keys, importers).
    public var inCode: [ModelPath: SourceLocation]

    public init(inModel: [ModelPath: SourceLocation] = [:], inCode: [ModelPath: SourceLocation] = [:]) {
        self.sections = Dictionary(grouping: inModel) { $0.key.components.first }.mapValues { .listed(Dictionary(uniqueKeysWithValues: $0)) }
        self.inCode = inCode
    }

    /// Locations already split by section (`sections`).
    init(sections: [ModelPath.Component?: Section], inCode: [ModelPath: SourceLocation]) {
        self.sections = sections.filter { !$0.value.isEmpty }
        self.inCode = inCode
    }

    /// Position of each value in the model file (the file that set it: base or override).
    public var inModel: [ModelPath: SourceLocation] {
        get { sections.values.reduce(into: [:]) { all, section in all.merge(section.places) { first, _ in first } } }
        set { self = ModelLocations(inModel: newValue, inCode: inCode) }
    }

    /// The location of `path`, or of its nearest ancestor that has one.
    public func modelLocation(of path: ModelPath) -> SourceLocation? {
        var current: ModelPath? = path
        while let candidate = current {
            switch sections[candidate.components.first] {
            case .listed(let places)?:
                if let location = places[candidate] { return location }
            case .located(let entry)?:
                // The entry is the path's first component; the deepest place along the path is the nearest.
                return LocationIndex.deepestLocation(along: candidate.components.dropFirst(), in: entry)
            case nil:
                break
            }
            current = candidate.parent
        }
        return nil
    }

    /// The code location of `path` or of its nearest ancestor that has one.
    public func codeLocation(of path: ModelPath) -> SourceLocation? {
        var current: ModelPath? = path
        while let candidate = current {
            if let location = inCode[candidate] { return location }
            current = candidate.parent
        }
        return nil
    }

    /// The same places, however they are held.
    public static func == (lhs: ModelLocations, rhs: ModelLocations) -> Bool {
        lhs.inCode == rhs.inCode && lhs.inModel == rhs.inModel
    }
}

/// One environment's view of the system: the base model with that environment's overrides merged in.
public struct ResolvedEnvironment: Sendable, Equatable {
    public var name: String
    /// `nil` when the model does not say what kind of environment this is.
    public var kind: EnvironmentKind?
    public var baseURL: String?
    /// The merged model; its `environments` key is the base model's list.
    public var model: ArchitectureModel
    /// Locations of the merged values, keyed by their path in the *merged* model.
    public var locations: ModelLocations

    public init(name: String, kind: EnvironmentKind?, baseURL: String?, model: ArchitectureModel, locations: ModelLocations) {
        self.name = name
        self.kind = kind
        self.baseURL = baseURL
        self.model = model
        self.locations = locations
    }
}

/// A model file after loading and validation.
public struct LoadedModel: Sendable, Equatable {
    /// The file name as given by the user; used in every location.
    public var file: String
    /// The model without environment overrides.
    public var base: ArchitectureModel
    /// Locations in the base model.
    public var baseLocations: ModelLocations
    /// One entry per declared environment, in file order; a model without environments has one named `default`.
    public var environments: [ResolvedEnvironment]

    public init(file: String, base: ArchitectureModel, baseLocations: ModelLocations, environments: [ResolvedEnvironment]) {
        self.file = file
        self.base = base
        self.baseLocations = baseLocations
        self.environments = environments
    }
}
