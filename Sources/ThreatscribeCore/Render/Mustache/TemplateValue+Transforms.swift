import Foundation

extension TemplateValue {
    /// `name(value)`: the transforms swift-mustache gives strings, integers, sequences, dictionaries
    /// and a list position, and those of `TemplateTransformable` values (`html`, `markdown`, `cell`…);
    /// `nil` when the value has no such transform.
    func transformed(_ name: String) -> TemplateValue? {
        switch self {
        case .string(let string):
            switch name {
            case "empty": return .bool(string.isEmpty)
            case "capitalized": return .string(string.capitalized)
            case "lowercased": return .string(string.lowercased())
            case "uppercased": return .string(string.uppercased())
            case "reversed": return .string(String(string.reversed()))
            default: return nil
            }
        case .int(let number):
            switch name {
            case "equalzero": return .bool(number == 0)
            case "plusone": return .int(number &+ 1)
            case "minusone": return .int(number &- 1)
            case "even": return .bool(number & 1 == 0)
            case "odd": return .bool(number & 1 == 1)
            default: return nil
            }
        case .list(let list):
            return list.transformed(name)
        case .object(let object):
            guard object.isDictionary else { return nil }
            switch name {
            case "count": return .int(object.fields.count)
            case "empty": return .bool(object.fields.isEmpty)
            default: return nil
            }
        case .sequenceContext(let context):
            switch name {
            case "first": return .bool(context.isFirst)
            case "last": return .bool(context.isLast)
            case "index": return .int(context.index)
            case "even": return .bool(context.index & 1 == 0)
            case "odd": return .bool(context.index & 1 == 1)
            default: return nil
            }
        case .prose(let prose):
            return prose.transform(name).map(TemplateValueBuilder.build)
        case .code(let code):
            return code.transform(name).map(TemplateValueBuilder.build)
        case .other(let any):
            return (any as? any TemplateTransformable)?.transform(name).map(TemplateValueBuilder.build)
        case .bool:
            return nil
        }
    }
}

extension TemplateList {
    fileprivate func transformed(_ name: String) -> TemplateValue? {
        let isSet = if case .set = origin { true } else { false }
        switch name {
        case "count": return .int(elements.count)
        case "empty": return .bool(elements.isEmpty)
        case "first" where !isSet: return elements.first
        case "last" where !isSet: return elements.last
        case "reversed" where !isSet:
            if case .reversed = origin {
                return .list(TemplateList(elements: elements.reversed(), original: original, origin: .array(prepared: false)))
            }
            return .list(TemplateList(elements: elements.reversed(), original: original, origin: .reversed))
        case "sorted":
            guard case .array(prepared: false) = origin, let sorted = (original as? any TemplateSortable)?.sortedAny else {
                if case .reversed = origin, let sorted = (original as? any TemplateSortable)?.sortedAny {
                    return TemplateValueBuilder.build(sorted)
                }
                if isSet, let sorted = (original as? any TemplateSortable)?.sortedAny { return TemplateValueBuilder.build(sorted) }
                return nil
            }
            return TemplateValueBuilder.build(sorted)
        default:
            return nil
        }
    }
}
