/// A value as the templates see it, built once from a view (`TemplateValueBuilder`), so that
/// rendering looks names up in dictionaries and switches over cases instead of casting and
/// reflecting.
enum TemplateValue: @unchecked Sendable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case prose(Prose)
    case code(Code)
    /// A struct's stored properties (or a `[String: X]` dictionary's entries).
    case object(TemplateObject)
    /// An array, a set or a reversed array, its elements built.
    case list(TemplateList)
    /// The position in the enclosing list, for `first()`, `last()`, `index()`, `even()`, `odd()`.
    case sequenceContext(TemplateSequenceContext)
    /// Any other value (a number that is not an `Int`, an enum, a tuple, `DocumentText`…), handled
    /// as swift-mustache handles it: its fields read by reflection when asked for.
    case other(Any)
}

/// A struct's fields by name; an absent optional has no entry.
final class TemplateObject {
    let fields: [String: TemplateValue]
    /// The struct itself, for `{{.}}` (its description).
    let original: Any
    /// Built from a `[String: X]` dictionary (which has `count()` and `empty()`).
    let isDictionary: Bool

    init(fields: [String: TemplateValue], original: Any, isDictionary: Bool = false) {
        self.fields = fields
        self.original = original
        self.isDictionary = isDictionary
    }
}

/// A sequence's elements, built.
final class TemplateList {
    enum Origin {
        /// An array; `prepared` when its elements were structs (or held them), whose description
        /// then lists theirs.
        case array(prepared: Bool)
        case set
        case reversed
    }

    let elements: [TemplateValue]
    /// The sequence itself (for its description and `sorted()`).
    let original: Any
    let origin: Origin

    init(elements: [TemplateValue], original: Any, origin: Origin) {
        self.elements = elements
        self.original = original
        self.origin = origin
    }
}

/// Where an element is in the list a section is iterating over.
struct TemplateSequenceContext {
    var isFirst: Bool
    var isLast: Bool
    var index: Int
}

/// A value with transforms a template can apply (`{{{html(prose)}}}`, `{{{markdown(text)}}}`).
protocol TemplateTransformable {
    /// The transformed value, or `nil` when the transform does not exist (the tag then renders nothing).
    func transform(_ name: String) -> Any?
}

/// A value with its own text for `{{x}}`, and a notion of being empty for sections.
protocol TemplateRenderable {
    var renderText: String { get }
    /// A section over an empty value is skipped; an inverted section shown.
    var isNull: Bool { get }
}
