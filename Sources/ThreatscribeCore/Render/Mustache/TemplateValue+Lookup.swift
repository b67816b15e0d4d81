extension TemplateValue {
    /// The field `name` of this value, as swift-mustache finds it: a struct's stored property or a
    /// dictionary's entry; `markdown` of `Prose` and `text` of `Code`; any other value's stored
    /// property by reflection. Strings, numbers, Booleans and lists have none.
    func child(named name: String) -> TemplateValue? {
        switch self {
        case .object(let object):
            return object.fields[name]
        case .prose(let prose):
            return name == "markdown" ? .string(prose.markdown) : nil
        case .code(let code):
            return name == "text" ? .string(code.text) : nil
        case .other(let any):
            guard let child = Mirror(reflecting: any).children.first(where: { $0.label == name }) else { return nil }
            if let optional = child.value as? any TemplateOptional {
                guard let wrapped = optional.wrappedValue else { return nil }
                return TemplateValueBuilder.build(wrapped)
            }
            return TemplateValueBuilder.build(child.value)
        case .string, .bool, .int, .list, .sequenceContext:
            return nil
        }
    }

    /// The value `path` leads to from this one (no climbing: a missing name is `nil`).
    func descendant(_ path: ArraySlice<String>) -> TemplateValue? {
        var value = self
        for name in path {
            guard let child = value.child(named: name) else { return nil }
            value = child
        }
        return value
    }

    /// A section over it is skipped (an inverted section shown): empty `Prose` or `Code`, or a
    /// `TemplateRenderable` value that says so.
    var isNull: Bool {
        switch self {
        case .prose(let prose): prose.isNull
        case .code(let code): code.isNull
        case .other(let any): (any as? any TemplateRenderable)?.isNull ?? false
        default: false
        }
    }

    /// The value's own text for `{{x}}`, when it has one (`TemplateRenderable`).
    var renderText: String? {
        switch self {
        case .prose(let prose): prose.renderText
        case .code(let code): code.renderText
        case .other(let any): (any as? any TemplateRenderable)?.renderText
        default: nil
        }
    }

    /// What `{{x}}` shows of a value without `renderText`: its Swift description, as swift-mustache
    /// writes it (`String(describing:)`).
    var description: String {
        switch self {
        case .string(let string): string
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .prose(let prose): String(describing: prose)
        case .code(let code): String(describing: code)
        case .object(let object): String(describing: object.original)
        case .list(let list): list.description
        case .sequenceContext(let context): "MustacheSequenceContext(first: \(context.isFirst), last: \(context.isLast), index: \(context.index))"
        case .other(let any): String(describing: (any as? any TemplateOptional)?.wrappedValue ?? any)
        }
    }

    /// The description of this value as an element of an array swift-mustache saw prepared
    /// (structs in place of their fields): `debugPrint`'s text, a struct's own description.
    fileprivate var elementDescription: String {
        switch self {
        case .string(let string): String(reflecting: string)
        case .object(let object): String(describing: object.original)
        case .list(let list): list.description
        case .prose(let prose): String(reflecting: prose)
        case .code(let code): String(reflecting: code)
        case .other(let any): String(reflecting: any)
        default: description
        }
    }
}

extension TemplateList {
    /// The sequence's Swift description.
    var description: String {
        switch origin {
        case .array(prepared: false), .set:
            String(describing: original)
        case .array(prepared: true):
            "[" + elements.map(\.elementDescription).joined(separator: ", ") + "]"
        case .reversed:
            (original as? any TemplateArray)?.reversedDescription ?? String(describing: original)
        }
    }
}
