import Foundation

/// Builds the `TemplateValue` tree of a view once, each struct's stored properties read into a
/// dictionary (through `TemplateStructLayout`, worked out once per type), so rendering never
/// reflects or casts.
///
/// What a template can reach is what swift-mustache reached through reflection: every stored
/// property of every struct, arrays, sets and `[String: X]` dictionaries as sequences and contexts;
/// other values are kept as they are (`TemplateValue.other`).
struct TemplateValueBuilder {
    /// How a value of one type is built; depends on the type only.
    enum Kind {
        case string, bool, int, prose, code, stringArray
        /// An optional: its wrapped value.
        case optional
        /// An array (`TemplateArray`).
        case array
        case set
        /// A `[String: X]` dictionary.
        case dictionary
        /// A plain struct: its fields.
        case fields
        /// A struct with a custom mirror: the fields its mirror lists.
        case mirrorFields
        /// An integer type other than `Int`.
        case integer
        case other
    }

    private var kinds: [ObjectIdentifier: Kind]
    private var learned: [ObjectIdentifier: Kind] = [:]
    private var layouts: [ObjectIdentifier: TemplateStructLayout]
    private var learnedLayouts: [ObjectIdentifier: TemplateStructLayout] = [:]

    init() { (kinds, layouts) = Self.knownKinds.snapshot() }

    /// The tree of `view`.
    static func build(_ view: Any) -> TemplateValue {
        var builder = TemplateValueBuilder()
        let value = builder.value(view)
        if !builder.learned.isEmpty || !builder.learnedLayouts.isEmpty {
            knownKinds.add(builder.learned, layouts: builder.learnedLayouts)
        }
        return value
    }

    mutating func value(_ any: Any) -> TemplateValue {
        switch kind(of: any) {
        case .string: return .string(any as! String)
        case .bool: return .bool(any as! Bool)
        case .int: return .int(any as! Int)
        case .prose: return .prose(any as! Prose)
        case .code: return .code(any as! Code)
        case .stringArray:
            let strings = any as! [String]
            return .list(TemplateList(elements: strings.map(TemplateValue.string), original: any, origin: .array(prepared: false)))
        case .optional:
            guard let wrapped = (any as! any TemplateOptional).wrappedValue else { return .other(any) }
            return value(wrapped)
        case .array:
            var prepared = false
            let elements = (any as! any TemplateArray).elements.map { element in
                switch kind(of: element) {
                case .optional, .array, .stringArray, .fields: prepared = true
                default: break
                }
                return value(element)
            }
            return .list(TemplateList(elements: elements, original: any, origin: .array(prepared: prepared)))
        case .set:
            let elements = Mirror(reflecting: any).children.map { value($0.value) }
            return .list(TemplateList(elements: elements, original: any, origin: .set))
        case .dictionary:
            guard let dictionary = any as? [String: Any] else { return .other(any) }
            var fields: [String: TemplateValue] = [:]
            for (key, entry) in dictionary { fields[key] = value(entry) }
            return .object(TemplateObject(fields: fields, original: any, isDictionary: true))
        case .fields:
            guard let layout = layout(of: Swift.type(of: any)) else { return mirrorFields(any) }
            return .object(TemplateObject(fields: fields(of: any, layout: layout), original: any))
        case .mirrorFields:
            return mirrorFields(any)
        case .integer:
            guard let integer = any as? any BinaryInteger, let exact = Int(exactly: integer) else { return .other(any) }
            return .int(exact)
        case .other:
            return .other(any)
        }
    }

    /// The fields of the struct `any`, read from its memory.
    private mutating func fields(of any: Any, layout: TemplateStructLayout) -> [String: TemplateValue] {
        func read<Value>(_ value: Value) -> [String: TemplateValue] {
            withUnsafePointer(to: value) { pointer in
                let base = UnsafeRawPointer(pointer)
                var fields = [String: TemplateValue](minimumCapacity: layout.fields.count)
                for field in layout.fields where fields[field.label] == nil {
                    let at = base + field.offset
                    switch field.reader {
                    case .string: fields[field.label] = .string(at.assumingMemoryBound(to: String.self).pointee)
                    case .int: fields[field.label] = .int(at.assumingMemoryBound(to: Int.self).pointee)
                    case .bool: fields[field.label] = .bool(at.assumingMemoryBound(to: Bool.self).pointee)
                    case .prose: fields[field.label] = .prose(at.assumingMemoryBound(to: Prose.self).pointee)
                    case .code: fields[field.label] = .code(at.assumingMemoryBound(to: Code.self).pointee)
                    case .optional(let optional):
                        if let wrapped = optional.wrappedValue(at: at) { fields[field.label] = self.value(wrapped) }
                    case .other(let type):
                        fields[field.label] = self.value(TemplateStructLayout.load(type, at: at))
                    }
                }
                return fields
            }
        }
        return _openExistential(any, do: read)
    }

    private mutating func layout(of type: Any.Type) -> TemplateStructLayout? {
        let id = ObjectIdentifier(type)
        if let known = layouts[id] { return known }
        guard let layout = TemplateStructLayout(type) else { return nil }
        layouts[id] = layout
        learnedLayouts[id] = layout
        return layout
    }

    /// The fields of `any` as its `Mirror` lists them.
    private mutating func mirrorFields(_ any: Any) -> TemplateValue {
        var fields: [String: TemplateValue] = [:]
        for child in Mirror(reflecting: any).children {
            guard let label = child.label, fields[label] == nil else { continue }
            if kind(of: child.value) == .optional {
                guard let wrapped = (child.value as! any TemplateOptional).wrappedValue else { continue }
                fields[label] = value(wrapped)
            } else {
                fields[label] = value(child.value)
            }
        }
        return .object(TemplateObject(fields: fields, original: any))
    }

    private mutating func kind(of any: Any) -> Kind {
        let type = Swift.type(of: any)
        let id = ObjectIdentifier(type)
        if let known = kinds[id] { return known }
        let kind = Self.kind(of: any, type: type)
        kinds[id] = kind
        learned[id] = kind
        return kind
    }

    /// Works a type's kind out by reflection and conformance checks (once per type and process).
    private static func kind(of any: Any, type: Any.Type) -> Kind {
        switch Mirror(reflecting: any).displayStyle {
        case .optional:
            return type is any TemplateOptional.Type ? .optional : .other
        case .collection:
            return type is any TemplateArray.Type ? .array : .other
        case .set:
            return .set
        case .dictionary:
            return any is [String: Any] ? .dictionary : .other
        case .struct:
            if type is any BinaryInteger.Type { return .integer }
            if type is any TemplateTransformable.Type || type is any TemplateRenderable.Type { return .other }
            return type is any CustomReflectable.Type ? .mirrorFields : .fields
        case nil:
            return type is any BinaryInteger.Type ? .integer : .other
        default:
            return .other
        }
    }

    /// Kinds known for the whole process: the view structs and leaf types up front (no first-time
    /// conformance lookups, which scan every conformance in the binary), with the view structs'
    /// layouts; others as they are met.
    private final class KnownKinds: @unchecked Sendable {
        private var kinds: [ObjectIdentifier: Kind] = [:]
        private var layouts: [ObjectIdentifier: TemplateStructLayout] = [:]
        private let lock = NSLock()

        init() {
            func add<Value>(_ type: Value.Type, _ kind: Kind) {
                kinds[ObjectIdentifier(type)] = kind
                kinds[ObjectIdentifier([Value].self)] = .array
                kinds[ObjectIdentifier(Value?.self)] = .optional
            }
            for type in TemplateValueBuilder.plainViewTypes { add(type, .fields) }
            add(String.self, .string)
            add(Bool.self, .bool)
            add(Int.self, .int)
            add(Prose.self, .prose)
            add(Code.self, .code)
            add(Double.self, .other)
            add(DocumentText.self, .other)
            add(DocumentCode.self, .other)
            kinds[ObjectIdentifier([String].self)] = .stringArray
            for type in TemplateValueBuilder.plainViewTypes {
                layouts[ObjectIdentifier(type)] = TemplateStructLayout(type)
            }
        }

        func snapshot() -> ([ObjectIdentifier: Kind], [ObjectIdentifier: TemplateStructLayout]) {
            lock.lock()
            defer { lock.unlock() }
            return (kinds, layouts)
        }

        func add(_ learned: [ObjectIdentifier: Kind], layouts learnedLayouts: [ObjectIdentifier: TemplateStructLayout]) {
            lock.lock()
            kinds.merge(learned) { old, _ in old }
            layouts.merge(learnedLayouts) { old, _ in old }
            lock.unlock()
        }
    }

    private static let knownKinds = KnownKinds()

    /// Works out the view structs' layouts ahead (say on another core while the model loads), so that
    /// building the first view's tree finds them; the tree is the same either way.
    static func prepare() { _ = knownKinds }

    /// The report's and documents' view structs, known to be plain structs that conform to neither
    /// `TemplateTransformable` nor `TemplateRenderable` nor `BinaryInteger` (checked by the tests).
    /// A view struct missing here is still found to be plain, by conformance lookups.
    static let plainViewTypes: [Any.Type] = [
        ThreatModelView.self, ExecutiveSummaryView.self, RiskView.self, ActionView.self, ComponentView.self,
        PipelineStepView.self, SettingView.self, SettingsMatrixView.self, SettingRowView.self, FindingView.self,
        VariationTableView.self, VariationRowView.self, VariationCellView.self, EvidenceView.self,
        EvidenceValueView.self, ReferenceView.self, FactView.self, EnvironmentValueView.self, ScopeView.self,
        EnvironmentView.self, OverviewView.self, FindingLinkView.self, CommandVariablesView.self,
        CommandVariableView.self, FilterBarView.self, FilterOptionView.self, FlowSectionView.self, FlowView.self,
        BoundaryView.self, OperationsView.self, ControlSectionView.self, ControlReviewView.self,
        AffectedEndpointsView.self, AffectedItemView.self, AffectedSectionView.self, RouterEndpointsView.self,
        DiagramView.self, DiagramBoxView.self, DiagramArrowView.self, DiagramLineView.self, DiagramRegionView.self,
        DocumentView.self, DocumentSection.self, DocumentBlock.self, DocumentList.self, DocumentTable.self,
        DocumentTable.Row.self,
    ]
}

/// An optional's wrapped value, without reflection.
protocol TemplateOptional {
    var wrappedValue: Any? { get }
    /// The wrapped value of the optional of this type stored at `pointer`.
    static func wrappedValue(at pointer: UnsafeRawPointer) -> Any?
}

extension Optional: TemplateOptional {
    var wrappedValue: Any? {
        switch self {
        case .some(let wrapped): wrapped
        case .none: nil
        }
    }

    static func wrappedValue(at pointer: UnsafeRawPointer) -> Any? {
        pointer.assumingMemoryBound(to: Self.self).pointee.wrappedValue
    }
}

/// An array's elements, without bridging the array to `[Any]` first.
protocol TemplateArray {
    var elements: [Any] { get }
    /// The elements sorted, when they are `Comparable` (`sorted()`).
    var sortedElements: [Any]? { get }
    /// The description of the reversed array (`{{reversed(list)}}`).
    var reversedDescription: String { get }
}

extension Array: TemplateArray {
    var elements: [Any] { map { $0 } }
    var sortedElements: [Any]? { (self as? any TemplateSortable)?.sortedAny }
    var reversedDescription: String { String(describing: reversed()) }
}

/// Arrays and sets of `Comparable` elements, which `sorted()` sorts.
protocol TemplateSortable {
    var sortedAny: [Any] { get }
}

extension Array: TemplateSortable where Element: Comparable {
    var sortedAny: [Any] { sorted() }
}

extension Set: TemplateSortable where Element: Comparable {
    var sortedAny: [Any] { sorted() }
}
