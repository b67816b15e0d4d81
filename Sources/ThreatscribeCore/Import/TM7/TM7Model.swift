import Foundation

/// What a Microsoft Threat Modeling Tool model (`.tm7`) holds: its stencils, flows, boundaries and
/// threats, as plain values. Stencils are classified by `GenericTypeId` (`GE.P`, `GE.DS`, `GE.EI`,
/// `GE.A`), never by the `TypeId` prefix (a Cosmos DB stencil is `GE.DS` with a `SE.P…` TypeId).
struct TM7Model: Sendable {
    struct Rectangle: Sendable {
        var left, top, width, height: Double
        func contains(_ other: Rectangle) -> Bool {
            let x = other.left + other.width / 2, y = other.top + other.height / 2
            return x >= left && x <= left + width && y >= top && y <= top + height
        }
    }

    struct Stencil: Sendable {
        var guid: String
        var genericType: String
        var typeID: String
        var name: String
        var outOfScope: Bool
        var frame: Rectangle?
        var line: Int
    }

    struct Flow: Sendable {
        var guid: String
        var name: String
        var typeID: String
        var source: String
        var target: String
        var line: Int
    }

    struct Threat: Sendable {
        var id: String
        var title: String
        var category: String?
        var state: String
        var priority: String?
        var justification: String?
        var source: String
        var target: String
        var line: Int
    }

    var name: String?
    /// Processes, data stores, external interactors and annotations.
    var stencils: [Stencil] = []
    /// Border trust boundaries (`GE.TB.B`): rectangles.
    var borders: [Stencil] = []
    /// Line trust boundaries (`GE.TB.L`): lines that flows cross.
    var lineBoundaries: [Stencil] = []
    var flows: [Flow] = []
    var threats: [Threat] = []

    static func read(_ root: XMLElementNode, file: String) throws(DiagnosticList) -> TM7Model {
        let surfaces = root.path("DrawingSurfaceList")?.children("DrawingSurfaceModel") ?? []
        guard !surfaces.isEmpty else {
            throw DiagnosticList([Diagnostic(.error, "this <ThreatModel> has no DrawingSurfaceList/DrawingSurfaceModel: not a Threat Modeling Tool model", at: SourceLocation(file: file, line: root.line, column: 1))])
        }
        var model = TM7Model(name: root.path("MetaInformation")?.childText("ThreatModelName"))
        for surface in surfaces {
            for value in surface.child("Borders")?.children.compactMap({ $0.child("Value") }) ?? [] {
                let stencil = stencil(value)
                if stencil.genericType.hasPrefix("GE.TB") { model.borders.append(stencil) } else { model.stencils.append(stencil) }
            }
            for value in surface.child("Lines")?.children.compactMap({ $0.child("Value") }) ?? [] {
                if value.childText("GenericTypeId")?.hasPrefix("GE.TB") ?? false {
                    model.lineBoundaries.append(stencil(value))
                } else {
                    model.flows.append(Flow(guid: value.childText("Guid") ?? "", name: propertyName(value) ?? "", typeID: value.childText("TypeId") ?? "",
                                            source: value.childText("SourceGuid") ?? "", target: value.childText("TargetGuid") ?? "", line: value.line))
                }
            }
        }
        for entry in root.child("ThreatInstances")?.children ?? [] {
            guard let value = entry.child("Value") else { continue }
            var properties: [String: String] = [:]
            for pair in value.child("Properties")?.children ?? [] {
                if let key = pair.childText("Key"), let text = pair.childText("Value") { properties[key] = text }
            }
            model.threats.append(Threat(
                id: value.childText("Id") ?? entry.childText("Key") ?? "",
                title: properties["Title"] ?? value.childText("Title") ?? "Threat \(value.childText("Id") ?? "")",
                category: properties["UserThreatCategory"],
                state: value.childText("State") ?? "",
                priority: properties["Priority"] ?? value.childText("Priority"),
                justification: properties["StateInformation"] ?? value.childText("StateInformation"),
                source: value.childText("SourceGuid") ?? "", target: value.childText("TargetGuid") ?? "", line: value.line))
        }
        return model
    }

    private static func stencil(_ value: XMLElementNode) -> Stencil {
        var frame: Rectangle?
        if let left = value.childText("Left").flatMap(Double.init), let top = value.childText("Top").flatMap(Double.init),
           let width = value.childText("Width").flatMap(Double.init), let height = value.childText("Height").flatMap(Double.init) {
            frame = Rectangle(left: left, top: top, width: width, height: height)
        }
        let outOfScope = value.child("Properties")?.children.contains { $0.childText("DisplayName") == "Out Of Scope" && $0.childText("Value") == "true" } ?? false
        return Stencil(guid: value.childText("Guid") ?? "", genericType: value.childText("GenericTypeId") ?? "", typeID: value.childText("TypeId") ?? "",
                       name: propertyName(value) ?? "", outOfScope: outOfScope, frame: frame, line: value.line)
    }

    /// The `Name` display attribute among a stencil's properties.
    private static func propertyName(_ value: XMLElementNode) -> String? {
        value.child("Properties")?.children.first { $0.childText("DisplayName") == "Name" }?.childText("Value")
    }
}
