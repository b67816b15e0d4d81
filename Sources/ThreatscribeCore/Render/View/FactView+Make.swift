extension FactView {
    /// A fact, or "Not assessed: the model does not describe <missing>." when `value` is `nil`.
    static func make(_ label: String, _ value: String?, missing: String) -> FactView {
        if let value { return FactView(label: label, value: value, isKnown: true) }
        return FactView(label: label, value: NotAssessed.sentence(missing), isKnown: false)
    }

    static func make(_ label: String, _ value: Bool?, missing: String) -> FactView {
        make(label, value.map { $0 ? "yes" : "no" }, missing: missing)
    }

    static func make(_ label: String, _ value: Int?, missing: String) -> FactView {
        make(label, value.map(String.init), missing: missing)
    }
}

/// The one wording for what the model leaves out.
enum NotAssessed {
    static func sentence(_ part: String) -> String {
        part.hasPrefix("Not assessed") ? part : "Not assessed: the model does not describe \(part)."
    }
}

/// A model value written the way the model file writes it: `["*"]`, `true`, `"lax"`, `{a: b}`.
enum ModelValueText {
    static func text(_ value: Any) -> String? {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            return text(wrapped)
        }
        switch value {
        case let string as String: return "\"\(string)\""
        case let bool as Bool: return bool ? "true" : "false"
        case let int as Int: return String(int)
        case let strings as [String]: return "[" + strings.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        case let map as [String: String]:
            return "{" + map.keys.sorted().map { "\($0): \"\(map[$0]!)\"" }.joined(separator: ", ") + "}"
        case let raw as any RawRepresentable<String>: return raw.rawValue
        default: return String(describing: value)
        }
    }

    /// `allowOrigins` → `allow_origins`.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Every set argument of `value` as `name=value`, in declaration order, skipping `excluded`.
    static func arguments(of value: Any, excluding excluded: Set<String>) -> String {
        arguments(argumentPairs(of: value, excluding: excluded))
    }

    /// `pairs` (`argumentPairs`) as `name=value, …`.
    static func arguments(_ pairs: [(name: String, value: String)]) -> String {
        pairs.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
    }

    /// The set arguments one by one: `allow_origins` → `["*"]`.
    static func argumentPairs(of value: Any, excluding excluded: Set<String>) -> [(name: String, value: String)] {
        Mirror(reflecting: value).children.compactMap { child -> (name: String, value: String)? in
            guard let label = child.label, !excluded.contains(label), let text = text(child.value) else { return nil }
            return (snakeCase(label), text)
        }
    }
}
