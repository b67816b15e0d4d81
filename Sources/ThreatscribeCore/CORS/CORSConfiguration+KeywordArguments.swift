import Foundation

extension CORSConfiguration {
    /// Reads a configuration from CORSMiddleware's own kwarg names, e.g.
    /// `{"allow_origins": ["*"], "allow_credentials": true}` decoded by `JSONSerialization`.
    ///
    /// Missing keys take Starlette's defaults. An unknown key throws
    /// ``CORSConfigurationError/unknownKey(_:suggestion:)`` with the nearest kwarg name.
    public init(keywordArguments: [String: Any]) throws {
        self.init()
        for key in keywordArguments.keys.sorted() {
            let value = keywordArguments[key]!
            switch key {
            case "allow_origins": allowOrigins = try Self.strings(value, key)
            case "allow_methods": allowMethods = try Self.strings(value, key)
            case "allow_headers": allowHeaders = try Self.strings(value, key)
            case "expose_headers": exposeHeaders = try Self.strings(value, key)
            case "allow_credentials": allowCredentials = try Self.bool(value, key)
            case "allow_private_network": allowPrivateNetwork = try Self.bool(value, key)
            case "allow_origin_regex":
                if value is NSNull { allowOriginRegex = nil; continue }
                guard let s = value as? String else {
                    throw CORSConfigurationError.invalidValue(key: key, expected: "a string or null")
                }
                allowOriginRegex = s
            case "max_age":
                guard let n = value as? NSNumber, !Self.isBoolean(n), n.doubleValue == n.doubleValue.rounded() else {
                    throw CORSConfigurationError.invalidValue(key: key, expected: "an integer")
                }
                maxAge = n.intValue
            default:
                throw CORSConfigurationError.unknownKey(key, suggestion: Self.nearestKeywordArgument(to: key))
            }
        }
    }

    /// Decodes a JSON object of CORSMiddleware kwargs (see ``init(keywordArguments:)``).
    public init(json: Data) throws {
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw CORSConfigurationError.invalidValue(key: "configuration", expected: "a JSON object of CORSMiddleware arguments")
        }
        try self.init(keywordArguments: object)
    }

    /// The kwarg name closest to `key` by edit distance, if it is close enough to be a typo.
    public static func nearestKeywordArgument(to key: String) -> String? {
        let scored = keywordArgumentNames.map { ($0, editDistance(Array(key.lowercased()), Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, key.count / 3) else { return nil }
        return best.0
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    private static func isBoolean(_ n: NSNumber) -> Bool {
        // JSONSerialization boxes true/false as an NSNumber whose Objective-C type is `char`.
        String(cString: n.objCType) == "c"
    }

    private static func strings(_ value: Any, _ key: String) throws -> [String] {
        guard let list = value as? [Any], let strings = list as? [String], list.count == strings.count else {
            throw CORSConfigurationError.invalidValue(key: key, expected: "a list of strings")
        }
        return strings
    }

    private static func bool(_ value: Any, _ key: String) throws -> Bool {
        guard let n = value as? NSNumber, isBoolean(n) else {
            throw CORSConfigurationError.invalidValue(key: key, expected: "true or false")
        }
        return n.boolValue
    }
}
