import Mustache

/// A view's `TemplateFields`, prepared once and read by every template format of a report, also
/// concurrently: nothing changes it after preparation.
struct PreparedView: @unchecked Sendable {
    let fields: Any

    init(_ view: Any) { fields = TemplateFields.prepared(view) }
}

/// A view value as the templates see it, with its fields in a dictionary.
///
/// swift-mustache looks `{{name}}` up on a plain struct by reflecting the whole struct on every
/// lookup (over half the rendering time of a large report). `prepared(_:)` reflects each view
/// struct once, recursively, so any field a view struct has — including fields added later — is
/// found by a dictionary lookup, with the same result as the reflection lookup.
struct TemplateFields: MustacheParent, CustomStringConvertible {
    /// The struct these fields were read from.
    let original: Any
    /// Its stored properties by label, values prepared; an absent optional has no entry, so a
    /// lookup climbs the context stack exactly as when reflection finds `nil`.
    let fields: [String: Any]

    func child(named name: String) -> Any? { fields[name] }

    /// What `{{.}}` shows: the struct's own text, unchanged by the preparation.
    var description: String { String(describing: original) }

    /// `value` ready for rendering: plain structs (and arrays of them) become `TemplateFields`;
    /// values the template engine treats specially — strings, numbers, Booleans, `Prose`, `Code`,
    /// anything conforming to a Mustache protocol or `CustomStringConvertible`, enums, classes,
    /// sets and dictionaries — are kept as they are (still correct, looked up by reflection).
    static func prepared(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            // Only reached for a top-level or array-element optional; fields drop `nil` themselves.
            guard let wrapped = mirror.children.first?.value else { return value }
            return prepared(wrapped)
        }
        if mirror.displayStyle == .collection, let array = value as? [Any] {
            // Arrays of strings or numbers keep their element type (the `sorted` transform needs it).
            guard array.contains(where: needsPreparation) else { return value }
            return array.map(prepared)
        }
        guard mirror.displayStyle == .struct, !isKeptAsIs(value) else { return value }
        var fields: [String: Any] = [:]
        for child in mirror.children {
            guard let label = child.label, fields[label] == nil else { continue }
            let field = Mirror(reflecting: child.value)
            if field.displayStyle == .optional {
                guard let wrapped = field.children.first?.value else { continue }
                fields[label] = prepared(wrapped)
            } else {
                fields[label] = prepared(child.value)
            }
        }
        return TemplateFields(original: value, fields: fields)
    }

    private static func needsPreparation(_ value: Any) -> Bool {
        switch Mirror(reflecting: value).displayStyle {
        case .struct: !isKeptAsIs(value)
        case .optional, .collection: true
        default: false
        }
    }

    private static func isKeptAsIs(_ value: Any) -> Bool {
        value is MustacheCustomRenderable || value is MustacheTransformable || value is MustacheParent
            || value is MustacheCustomRepresentation || value is MustacheLambda || value is MustacheTemplate
            || value is CustomStringConvertible
    }
}
