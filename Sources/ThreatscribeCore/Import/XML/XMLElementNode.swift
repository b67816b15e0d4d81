import Foundation

/// One element of an XML document read by ``HardenedXMLReader``: plain values, no libxml2 pointers.
public struct XMLElementNode: Sendable, Equatable {
    /// The local name, without a prefix (`ThreatModel`, not `a:ThreatModel`).
    public var name: String
    /// The namespace URI, if the element is in one.
    public var namespace: String?
    /// Attributes by local name (`i:type` is `type`).
    public var attributes: [String: String]
    public var children: [XMLElementNode]
    /// The element's own text and CDATA, concatenated (not its descendants').
    public var text: String
    /// The line the element starts on (libxml2 keeps no column for elements).
    public var line: Int

    public init(name: String, namespace: String? = nil, attributes: [String: String] = [:], children: [XMLElementNode] = [],
                text: String = "", line: Int = 1) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
    }

    /// The first child called `name`.
    public func child(_ name: String) -> XMLElementNode? { children.first { $0.name == name } }

    /// Every child called `name`.
    public func children(_ name: String) -> [XMLElementNode] { children.filter { $0.name == name } }

    /// The first child reached by following `names`, one level each.
    public func path(_ names: String...) -> XMLElementNode? {
        var node: XMLElementNode? = self
        for name in names { node = node?.child(name) }
        return node
    }

    /// The text of child `name`, trimmed; `nil` when the child is absent or empty.
    public func childText(_ name: String) -> String? {
        guard let text = child(name)?.text.trimmingWhitespacesAndNewlines, !text.isEmpty else { return nil }
        return text
    }

    /// Every descendant (not the element itself), depth first in document order.
    public var descendants: [XMLElementNode] {
        var result: [XMLElementNode] = []
        var stack = Array(children.reversed())
        while let next = stack.popLast() {
            result.append(next)
            stack.append(contentsOf: next.children.reversed())
        }
        return result
    }
}
