@_spi(Reflection) import Swift

/// A struct type's stored properties (name, offset, how to read the value), worked out once per
/// type from the runtime's field metadata, so a struct's fields are read from its memory instead of
/// through a `Mirror` per value. The fields and their order are those `Mirror` lists for a struct
/// that does not customize its mirror.
final class TemplateStructLayout: @unchecked Sendable {
    struct Field {
        let label: String
        let offset: Int
        let reader: Reader
    }

    /// How a field's value is read; common leaf types without boxing.
    enum Reader {
        case string, int, bool, prose, code
        case optional(any TemplateOptional.Type)
        case other(Any.Type)
    }

    let fields: [Field]

    /// `nil` when the runtime has no complete field metadata for `type`.
    init?(_ type: Any.Type) {
        var fields: [Field] = []
        let complete = _forEachField(of: type) { name, offset, fieldType, _ in
            fields.append(Field(label: String(cString: name), offset: offset, reader: Self.reader(for: fieldType)))
            return true
        }
        guard complete else { return nil }
        self.fields = fields
    }

    private static func reader(for type: Any.Type) -> Reader {
        if type == String.self { return .string }
        if type == Int.self { return .int }
        if type == Bool.self { return .bool }
        if type == Prose.self { return .prose }
        if type == Code.self { return .code }
        // Only an optional conforms to `TemplateOptional`; other types skip the conformance lookup, which
        // scans every conformance in the binary the first time a type is looked up.
        if isOptional(type), let optional = type as? any TemplateOptional.Type { return .optional(optional) }
        return .other(type)
    }

    /// Whether `type` is an `Optional`, read from its metadata (no conformance lookup).
    private static func isOptional(_ type: Any.Type) -> Bool {
        func check<Value>(_: Value.Type) -> Bool { _isOptional(Value.self) }
        return _openExistential(type, do: check)
    }

    /// The value of type `type` stored at `pointer`, boxed.
    static func load(_ type: Any.Type, at pointer: UnsafeRawPointer) -> Any {
        func load<Value>(_: Value.Type) -> Any { pointer.assumingMemoryBound(to: Value.self).pointee }
        return _openExistential(type, do: load)
    }
}
