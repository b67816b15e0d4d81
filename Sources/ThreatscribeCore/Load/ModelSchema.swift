/// The model format as data: every object, every key, its type, whether it is required and what it means.
///
/// `ModelSchema.current` is the single source of truth for validation (`SchemaValidation`),
/// the JSON Schema (`JSONSchemaDocument`), the reference in `docs/model.md` (`ModelReference`),
/// environment merging (`OverrideMerge`) and decoding key names (`ModelDecoding`).
public struct ModelSchema: Sendable {
    /// The `threatscribe:` format version this schema describes.
    public var version: Int
    /// The object at the top of a model file.
    public var rootName: String
    /// Every object type, root first, in documentation order.
    public var objects: [ObjectSchema] {
        didSet { objectPositions = Self.firstPositions(objects.map(\.name)) }
    }
    /// Where each name is first in `objects`.
    private var objectPositions: [String: Int]

    public init(version: Int, rootName: String, objects: [ObjectSchema]) {
        self.version = version
        self.rootName = rootName
        self.objects = objects
        self.objectPositions = Self.firstPositions(objects.map(\.name))
    }

    /// The object type called `name`.
    public func object(named name: String) -> ObjectSchema? {
        objectPositions[name].map { objects[$0] }
    }

    /// The position of each name where it first occurs.
    static func firstPositions(_ names: [String]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (position, name) in names.enumerated() where positions[name] == nil { positions[name] = position }
        return positions
    }

    /// The top-level object.
    public var root: ObjectSchema { object(named: rootName)! }

    /// Keys an environment override may not set.
    public static let keysOutsideOverrides: Set<String> = ["threatscribe", "environments"]
}

/// One object type of the model; `name` is the Swift type it decodes into.
public struct ObjectSchema: Sendable {
    public var name: String
    /// One line: what this object describes.
    public var summary: String
    public var properties: [PropertySchema] {
        didSet { propertyPositions = ModelSchema.firstPositions(properties.map(\.key)) }
    }
    /// Where each key is first in `properties`.
    private var propertyPositions: [String: Int] = [:]
    /// How items of a list of these objects are matched when an environment overrides the list:
    /// alternatives in order, each a set of keys; the first alternative whose keys are all present
    /// gives the item's identity (an empty alternative gives every item the same identity).
    /// Empty means an override replaces the whole list.
    public var mergeIdentity: [[String]]
    /// A key whose value must be unique within a list of these objects (`id`, or `name` for environments).
    public var uniqueKey: String?

    /// `unresolvable` names the keys that may hold an `UnresolvedValue` form instead of a value.
    public init(_ name: String, _ summary: String, mergeIdentity: [[String]] = [], uniqueKey: String? = nil,
                unresolvable: Set<String> = [], properties: [PropertySchema]) {
        self.name = name
        self.summary = summary
        self.properties = properties.map { property in
            var property = property
            property.acceptsUnresolved = unresolvable.contains(property.key)
            return property
        }
        self.mergeIdentity = mergeIdentity
        self.uniqueKey = uniqueKey
        self.propertyPositions = ModelSchema.firstPositions(self.properties.map(\.key))
    }

    /// The property for `key`, if the object has one.
    public func property(_ key: String) -> PropertySchema? {
        propertyPositions[key].map { properties[$0] }
    }
}

/// One key of an object.
public struct PropertySchema: Sendable {
    /// The key as written in the file (snake_case).
    public var key: String {
        didSet { swiftName = KeyNaming.camelCase(key) }
    }
    public var type: ValueType
    public var isRequired: Bool
    /// One line: what the key means.
    public var summary: String
    /// For strings (or lists of strings) that name another element of the model.
    public var reference: ModelReferenceKind?
    /// The key may hold `{unresolved: EXPRESSION, source: FILE:LINE}` instead of a value: the code
    /// computes it and nobody has stated it yet. The analysis treats it as unknown, never as the default.
    public var acceptsUnresolved = false

    public init(_ key: String, _ type: ValueType, required: Bool = false, references reference: ModelReferenceKind? = nil, _ summary: String) {
        self.key = key
        self.swiftName = KeyNaming.camelCase(key)
        self.type = type
        self.isRequired = required
        self.summary = summary
        self.reference = reference
    }

    /// The Swift property name (`allow_origins` → `allowOrigins`), kept with the key (decoding asks for it per value).
    public private(set) var swiftName: String
}

/// What kind of element a reference names.
public enum ModelReferenceKind: String, Sendable, Equatable {
    /// An `id` in `auth`, or `none` for a deliberately public route.
    case authMechanism
    /// An `id` in `clients`, `data_stores` or `external_services`, or `api` for the service itself.
    case element
    /// A `name` in `environments` (`default` when the model has none).
    case environment
    /// A path to a value of the model, written as in finding ids (`auth[0]`, `routers[2].endpoints[1]`, `deployment`).
    case modelPath
}

/// The type of a value in the model file.
public indirect enum ValueType: Sendable, Equatable {
    case string
    case integer
    case boolean
    case number
    /// A string that may be `null` on purpose (`docs_url: null` disables the route).
    case nullableString
    /// A place in the service's code: `path`, `path:line`, `path:line:col` or `path:start-end` (see `CodeReference`).
    case codeReference
    /// A package version: resolved (`0.41.3`), resolved by a lock file (`0.41.3 (uv.lock:812)`) or a range (see `VersionRequirement`).
    case version
    case enumeration(EnumSchema)
    case list(ValueType)
    /// A mapping with free keys (`frameworks`, `headers`).
    case map(ValueType)
    /// One of `ModelSchema.objects`, by name.
    case object(String)
    /// Model keys that differ in one environment: the top-level object, every key optional.
    case overrides
}

extension ValueType {
    /// The enumeration of an enum value or of a list of them; nil for other types.
    var enumeration: EnumSchema? {
        switch self {
        case .enumeration(let enumeration): enumeration
        case .list(let item): item.enumeration
        default: nil
        }
    }
}

/// The allowed values of an enumeration, taken from the Swift enum.
public struct EnumSchema: Sendable, Equatable {
    public var name: String
    public var cases: [String]
    /// What each value makes the analysis do, by value; empty for enums the analysis only shows.
    public var meanings: [String: String]

    public init(name: String, cases: [String], meanings: [String: String] = [:]) {
        self.name = name
        self.cases = cases
        self.meanings = meanings
    }

    /// The raw values of a `CaseIterable` Swift enum, in declaration order.
    ///
    /// The name is the type's unqualified name, as `String(describing:)` prints it, read without the
    /// runtime's conformance scans that `String(describing:)` does first (a measurable part of start-up).
    public init<T: CaseIterable & RawRepresentable>(_ type: T.Type) where T.RawValue == String {
        self.init(name: _typeName(type, qualified: false), cases: type.allCases.map(\.rawValue))
    }

    /// The raw values of an enum the analysis interprets, each with what it makes the analysis do.
    public init<T: CaseIterable & RawRepresentable & AnalysisMeaning>(_ type: T.Type) where T.RawValue == String {
        self.init(name: _typeName(type, qualified: false), cases: type.allCases.map(\.rawValue),
                  meanings: Dictionary(uniqueKeysWithValues: type.allCases.map { ($0.rawValue, $0.analysisMeaning) }))
    }
}

/// A model value the analysis interprets: says, for the reference, what choosing it makes the analysis do.
public protocol AnalysisMeaning {
    /// One or two sentences: what the value states and which findings it turns on or off.
    var analysisMeaning: String { get }
}

/// Key spelling between the file (snake_case) and Swift (camelCase).
public enum KeyNaming {
    /// `allow_origins` → `allowOrigins`, the same rule as `JSONDecoder.KeyDecodingStrategy.convertFromSnakeCase`.
    public static func camelCase(_ key: String) -> String {
        let parts = key.split(separator: "_", omittingEmptySubsequences: true)
        guard let first = parts.first else { return key }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
