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
public struct FactSubject: Sendable, Equatable {
    public var scope: String
    /// The model element; findings about it get `THREAT-ID@path`.
    public var path: ModelPath
    /// A short human name: `CORSMiddleware`, `POST /bookings`.
    public var name: String
    /// The report section it belongs to.
    public var component: String
    public var values: [String: FactValue]
    /// Where a field's value comes from, when not `path` itself.
    public var valuePaths: [String: ModelPath]
    /// How a field's value reads as evidence, when not its plain text (e.g. `(not set: FastAPI default "/docs")`).
    public var evidenceValues: [String: String]
    /// Extra evidence lines for a field, e.g. the request that demonstrates it and the response.
    public var evidenceDetails: [String: String]
    /// How a field reads in a shell command when the model gives no value a reader could paste: a
    /// quoted variable (`"$BASE_URL"`, possibly followed by quoted text) that the report defines once
    /// (`CommandVariable`).
    public var shellStandIns: [String: String] = [:]

    public init(scope: String, path: ModelPath, name: String, component: String,
                values: [String: FactValue] = [:], valuePaths: [String: ModelPath] = [:],
                evidenceValues: [String: String] = [:], evidenceDetails: [String: String] = [:]) {
        self.scope = scope
        self.path = path
        self.name = name
        self.component = component
        self.values = values
        self.valuePaths = valuePaths
        self.evidenceValues = evidenceValues
        self.evidenceDetails = evidenceDetails
    }

    public subscript(field: String) -> FactValue { values[field] ?? .unknown }

    /// Records a fact with where it comes from and, optionally, how it reads as evidence.
    public mutating func set(_ field: String, _ value: FactValue, from path: ModelPath? = nil,
                             shownAs shown: String? = nil, detail: String? = nil) {
        values[field] = value
        if let path { valuePaths[field] = path }
        if let shown { evidenceValues[field] = shown }
        if let detail { evidenceDetails[field] = detail }
    }
}
