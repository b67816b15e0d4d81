extension ModelDecoding {
    /// Decodes one top-level entry of a validated tree into its property of `model`, exactly as the
    /// whole-tree `decode(_:)` sets that property (a value left unresolved sets it to `nil`).
    ///
    /// - Returns: `false`, leaving `model` unchanged, for a key without a property here (the caller then
    ///   decodes the whole tree).
    func decode(section entry: LocatedEntry, of root: LocatedNode, into model: inout ArchitectureModel) throws(DiagnosticList) -> Bool {
        guard let property = schema.root.property(entry.key) else { return false }
        if let routers = routers(section: entry) {
            model.routers = routers
            return true
        }
        let written = !(property.acceptsUnresolved && UnresolvedForm.isWritten(entry.value))
        let json = JSONTree.object(written ? [(property.swiftName, tree(entry.value, as: property.type))] : [])
        var decoder = JSONTreeDecoder()
        decoder.userInfo[SectionKey.userInfoKey] = property.swiftName
        do {
            return try Self.assign(entry.key, from: json, decoder, into: &model)
        } catch {
            throw internalError(error, in: root)
        }
    }

    /// Sets the property of top-level `key`; every property of `ArchitectureModel` read from the file is here.
    private static func assign(_ key: String, from json: JSONTree, _ decoder: JSONTreeDecoder, into model: inout ArchitectureModel) throws -> Bool {
        func value<T: Decodable>(_: T.Type = T.self) throws -> T? { try decoder.decode(OptionalSection<T>.self, from: json).value }
        switch key {
        case "threatscribe": model.threatscribe = try value()
        case "system": model.system = try decoder.decode(RequiredSection<SystemDescription>.self, from: json).value
        case "frameworks": model.frameworks = try value()
        case "app": model.app = try value()
        case "middleware": model.middleware = try value()
        case "auth": model.auth = try value()
        case "secrets": model.secrets = try value()
        case "default_accounts": model.defaultAccounts = try value()
        case "routers": model.routers = try value()
        case "apps": model.apps = try value()
        case "models": model.models = try value()
        case "static_files": model.staticFiles = try value()
        case "templates": model.templates = try value()
        case "websockets": model.websockets = try value()
        case "background_tasks": model.backgroundTasks = try value()
        case "clients": model.clients = try value()
        case "data_stores": model.dataStores = try value()
        case "external_services": model.externalServices = try value()
        case "data_flows": model.dataFlows = try value()
        case "trust_boundaries": model.trustBoundaries = try value()
        case "server": model.server = try value()
        case "client_ip": model.clientIp = try value()
        case "deployment": model.deployment = try value()
        case "build": model.build = try value()
        case "dependencies": model.dependencies = try value()
        case "logging": model.logging = try value()
        case "controls": model.controls = try value()
        case "recorded_threats": model.recordedThreats = try value()
        case "environments": model.environments = try value()
        default: return false
        }
        return true
    }
}

/// The key a section is decoded under, its Swift property name (so error paths read as in a whole decode).
private struct SectionKey: CodingKey {
    static let userInfoKey = CodingUserInfoKey(rawValue: "threatscribe.section")!

    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    static func named(in decoder: Decoder) -> SectionKey {
        SectionKey(stringValue: decoder.userInfo[userInfoKey] as? String ?? "")
    }
}

/// `{"key": value}` read as the synthesized `Decodable` reads an optional property (`decodeIfPresent`).
private struct OptionalSection<Value: Decodable>: Decodable {
    var value: Value?

    init(from decoder: Decoder) throws {
        value = try decoder.container(keyedBy: SectionKey.self).decodeIfPresent(Value.self, forKey: .named(in: decoder))
    }
}

/// `{"key": value}` read as the synthesized `Decodable` reads a required property (`decode`).
private struct RequiredSection<Value: Decodable>: Decodable {
    var value: Value

    init(from decoder: Decoder) throws {
        value = try decoder.container(keyedBy: SectionKey.self).decode(Value.self, forKey: .named(in: decoder))
    }
}
