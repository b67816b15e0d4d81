/// The components of a CycloneDX SBOM (XML or JSON) with their resolved versions.
struct CycloneDXBOM: Sendable {
    struct Component: Sendable {
        var name: String
        var version: String?
        var purl: String?
        var location: SourceLocation

        /// A Python package (`pkg:pypi/…`), or a component without a purl.
        var isPythonPackage: Bool { purl.map { $0.hasPrefix("pkg:pypi/") } ?? true }
    }

    var specVersion: String?
    /// `metadata.component`: the project the SBOM describes.
    var subject: Component?
    var components: [Component] = []

    static func read(xml root: XMLElementNode, file: String) -> CycloneDXBOM {
        func component(_ node: XMLElementNode) -> Component? {
            guard let name = node.childText("name") else { return nil }
            return Component(name: name, version: node.childText("version"), purl: node.childText("purl"),
                             location: SourceLocation(file: file, line: node.line, column: 1))
        }
        var bom = CycloneDXBOM(specVersion: root.namespace.flatMap { $0.split(separator: "/").last.map(String.init) })
        bom.subject = root.path("metadata", "component").flatMap(component)
        // Nested components (a component's own `components`) are parts of it: listed too.
        var stack = root.child("components")?.children("component").reversed().map { $0 } ?? []
        while let next = stack.popLast() {
            if let item = component(next) { bom.components.append(item) }
            stack.append(contentsOf: (next.child("components")?.children("component") ?? []).reversed())
        }
        return bom
    }

    static func read(json root: LocatedNode, file: String) -> CycloneDXBOM {
        func component(_ node: LocatedNode) -> Component? {
            guard let name = node.text("name") else { return nil }
            return Component(name: name, version: node.text("version"), purl: node.text("purl"), location: node.location)
        }
        var bom = CycloneDXBOM(specVersion: root.text("specVersion"))
        bom.subject = root["metadata"]?["component"].flatMap(component)
        var stack = (root["components"]?.items ?? []).reversed().map { $0 }
        while let next = stack.popLast() {
            if let item = component(next) { bom.components.append(item) }
            stack.append(contentsOf: (next["components"]?.items ?? []).reversed())
        }
        return bom
    }
}
