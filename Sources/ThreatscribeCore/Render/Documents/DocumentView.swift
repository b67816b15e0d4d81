/// What the document templates (`Templates/documents/*.mustache`) see: a title, the run's metadata
/// and the sections in reading order, each a list of blocks built from the model and the analysis.
public struct DocumentView: Sendable {
    /// The file name without extension, e.g. `mitigation-cors`.
    public var fileStem: String
    public var title: String
    /// One line under the title saying what the document covers.
    public var subtitle: DocumentText
    public var generatedAt: String
    public var toolVersion: String
    /// The model file as given on the command line, as a code literal.
    public var modelFile: DocumentText
    public var sections: [DocumentSection]
    /// Shell lines defining the variables the document's commands use (`CommandVariable`), once.
    public var variableDefinitions: DocumentCode?
    /// Sections that are not subsections, for the table of contents.
    public var topSections: [DocumentSection]

    public init(fileStem: String, title: String, subtitle: DocumentText, generatedAt: String, toolVersion: String,
                modelFile: String, sections: [DocumentSection]) {
        self.fileStem = fileStem
        self.title = title
        self.subtitle = subtitle
        self.generatedAt = generatedAt
        self.toolVersion = toolVersion
        self.modelFile = "\(code: modelFile)"
        self.sections = sections
        topSections = sections.filter { !$0.isSubsection }
        let commands = sections.flatMap(\.blocks).compactMap(\.code).filter { $0.language == "bash" }.map(\.text).joined(separator: "\n")
        let used = CommandVariable.used(in: commands)
        variableDefinitions = used.isEmpty ? nil : DocumentCode(language: "bash", used.map(\.definition).joined(separator: "\n"))
    }

}

/// A heading and its blocks. Subsections follow their section in `DocumentView.sections`.
public struct DocumentSection: Sendable {
    public var title: String
    /// The HTML id and Markdown anchor, unique in the document.
    public var anchor: String
    public var isSubsection: Bool
    public var blocks: [DocumentBlock]

    public init(_ title: String, anchor: String, isSubsection: Bool = false, blocks: [DocumentBlock]) {
        self.title = title
        self.anchor = anchor
        self.isSubsection = isSubsection
        self.blocks = blocks
    }
}

/// One block of a section; exactly one of its parts is set.
public struct DocumentBlock: Sendable {
    public var paragraph: DocumentText?
    public var bullets: DocumentList?
    public var steps: DocumentList?
    public var table: DocumentTable?
    public var code: DocumentCode?

    public static func paragraph(_ text: DocumentText) -> DocumentBlock { DocumentBlock(paragraph: text) }
    public static func bullets(_ items: [DocumentText]) -> DocumentBlock { DocumentBlock(bullets: DocumentList(items: items)) }
    public static func steps(_ items: [DocumentText]) -> DocumentBlock { DocumentBlock(steps: DocumentList(items: items)) }
    public static func grid(_ table: DocumentTable) -> DocumentBlock { DocumentBlock(table: table) }
    public static func listing(_ language: String, _ text: String) -> DocumentBlock { DocumentBlock(code: DocumentCode(language: language, text)) }
}

/// The items of a bulleted or numbered list (a stored wrapper, so a template can open the list once).
public struct DocumentList: Sendable {
    public var items: [DocumentText]
}

/// A table: a header row and rows of cells of the same width.
public struct DocumentTable: Sendable {
    public struct Row: Sendable { public var cells: [DocumentText] }
    public var header: [DocumentText]
    public var rows: [Row]
    /// The Markdown separator row (`| --- | --- |`).
    public var separator: String

    public init(header: [DocumentText], rows: [[DocumentText]]) {
        self.header = header
        self.rows = rows.map { Row(cells: $0) }
        separator = "|" + String(repeating: " --- |", count: header.count)
    }
}

/// A code block: a shell session, Python, an HTTP exchange, a Mermaid diagram.
///
/// `{{{markdown(x)}}}` writes a fenced block whose fence no line of the text can close
/// (`MarkdownEscaping.fencedBlock`); HTML templates write `{{text}}` inside `<pre>`.
public struct DocumentCode: Sendable, Equatable, TemplateTransformable {
    /// The fence's info string: `bash`, `python`, `http`, `mermaid`, `yaml`, or empty.
    public var language: String
    public var text: String

    public init(language: String, _ text: String) {
        self.language = language
        self.text = text
    }

    public func transform(_ name: String) -> Any? {
        switch name {
        case "markdown": MarkdownEscaping.fencedBlock(text, language: language)
        default: nil
        }
    }
}
