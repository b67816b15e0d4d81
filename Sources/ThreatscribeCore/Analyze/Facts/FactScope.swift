/// The type of a fact field, checked when a catalog condition is loaded.
public enum FactType: String, Sendable, Equatable {
    case bool, int, string, list
}

/// One field of a scope: its name in conditions, its type and what it means.
public struct FactField: Sendable, Equatable {
    public var name: String
    public var type: FactType
    public var summary: String

    public init(_ name: String, _ type: FactType, _ summary: String) {
        self.name = name
        self.type = type
        self.summary = summary
    }
}

/// A kind of model element that catalog entries can be about (`cors`, `endpoint`, …),
/// with the vocabulary of facts analyzers derive for each instance.
public struct FactScope: Sendable, Equatable {
    public var name: String
    public var summary: String
    public var fields: [FactField]
    /// `env`, `system` and `app` have one instance per environment and may be named in any condition.
    public var isGlobal: Bool

    public init(_ name: String, _ summary: String, isGlobal: Bool = false, fields: [FactField]) {
        self.name = name
        self.summary = summary
        self.fields = fields
        self.isGlobal = isGlobal
    }

    public func field(named name: String) -> FactField? { fields.first { $0.name == name } }
}

/// One instance of a scope in one environment: an element of the model and its facts.
///
/// Copies share one storage until one of them changes (copy on write): a subject is copied into every
/// hit, evaluator and environment that reads it (tens of thousands of times for a large model), and a
/// copy of its nine fields retained each of them.
public struct FactSubject: Sendable, Equatable {
    /// The fields, shared by copies until one of them changes. Only a storage no other subject shares is
    /// written (`unique`), so accesses are not checked for exclusivity at run time.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var scope: String
        @exclusivity(unchecked) var path: ModelPath
        @exclusivity(unchecked) var name: String
        @exclusivity(unchecked) var component: String
        @exclusivity(unchecked) var values: [String: FactValue]
        @exclusivity(unchecked) var valuePaths: [String: ModelPath]
        @exclusivity(unchecked) var evidenceValues: [String: String]
        @exclusivity(unchecked) var evidenceDetails: [String: String]
        @exclusivity(unchecked) var shellStandIns: [String: String] = [:]

        init(scope: String, path: ModelPath, name: String, component: String, values: [String: FactValue],
             valuePaths: [String: ModelPath], evidenceValues: [String: String], evidenceDetails: [String: String]) {
            self.scope = scope
            self.path = path
            self.name = name
            self.component = component
            self.values = values
            self.valuePaths = valuePaths
            self.evidenceValues = evidenceValues
            self.evidenceDetails = evidenceDetails
        }

        func copy() -> Storage {
            let copy = Storage(scope: scope, path: path, name: name, component: component, values: values, valuePaths: valuePaths,
                               evidenceValues: evidenceValues, evidenceDetails: evidenceDetails)
            copy.shellStandIns = shellStandIns
            return copy
        }
    }

    private var storage: Storage

    /// The storage, copied first when another subject shares it.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    public var scope: String {
        _read { yield storage.scope }
        _modify { yield &unique.scope }
    }
    /// The model element; findings about it get `THREAT-ID@path`.
    public var path: ModelPath {
        _read { yield storage.path }
        _modify { yield &unique.path }
    }
    /// A short human name: `CORSMiddleware`, `POST /bookings`.
    public var name: String {
        _read { yield storage.name }
        _modify { yield &unique.name }
    }
    /// The report section it belongs to.
    public var component: String {
        _read { yield storage.component }
        _modify { yield &unique.component }
    }
    public var values: [String: FactValue] {
        _read { yield storage.values }
        _modify { yield &unique.values }
    }
    /// Where a field's value comes from, when not `path` itself.
    public var valuePaths: [String: ModelPath] {
        _read { yield storage.valuePaths }
        _modify { yield &unique.valuePaths }
    }
    /// How a field's value reads as evidence, when not its plain text (e.g. `(not set: FastAPI default "/docs")`).
    public var evidenceValues: [String: String] {
        _read { yield storage.evidenceValues }
        _modify { yield &unique.evidenceValues }
    }
    /// Extra evidence lines for a field, e.g. the request that demonstrates it and the response.
    public var evidenceDetails: [String: String] {
        _read { yield storage.evidenceDetails }
        _modify { yield &unique.evidenceDetails }
    }
    /// How a field reads in a shell command when the model gives no value a reader could paste: a
    /// quoted variable (`"$BASE_URL"`, possibly followed by quoted text) that the report defines once
    /// (`CommandVariable`).
    public var shellStandIns: [String: String] {
        _read { yield storage.shellStandIns }
        _modify { yield &unique.shellStandIns }
    }

    public init(scope: String, path: ModelPath, name: String, component: String,
                values: [String: FactValue] = [:], valuePaths: [String: ModelPath] = [:],
                evidenceValues: [String: String] = [:], evidenceDetails: [String: String] = [:]) {
        storage = Storage(scope: scope, path: path, name: name, component: component, values: values, valuePaths: valuePaths,
                          evidenceValues: evidenceValues, evidenceDetails: evidenceDetails)
    }

    public static func == (left: FactSubject, right: FactSubject) -> Bool {
        let (l, r) = (left.storage, right.storage)
        if l === r { return true }
        return l.scope == r.scope && l.path == r.path && l.name == r.name && l.component == r.component && l.values == r.values
            && l.valuePaths == r.valuePaths && l.evidenceValues == r.evidenceValues && l.evidenceDetails == r.evidenceDetails
            && l.shellStandIns == r.shellStandIns
    }

    public subscript(field: String) -> FactValue { storage.values[field] ?? .unknown }

    /// Records a fact with where it comes from and, optionally, how it reads as evidence.
    public mutating func set(_ field: String, _ value: FactValue, from path: ModelPath? = nil,
                             shownAs shown: String? = nil, detail: String? = nil) {
        let storage = unique
        storage.values[field] = value
        if let path { storage.valuePaths[field] = path }
        if let shown { storage.evidenceValues[field] = shown }
        if let detail { storage.evidenceDetails[field] = detail }
    }
}
