import ArgumentParser
import ThreatscribeCore

/// `threatscribe schema`: prints the JSON Schema of the model format (or its Markdown reference).
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the model format (draft 2020-12).",
        discussion: """
        Save it next to your model and add `# yaml-language-server: $schema=./threatscribe.schema.json` \
        as the model's first line for completion and checks in editors.
        """
    )

    @Flag(help: "Print the Markdown key reference of docs/model.md instead.")
    var reference = false

    func run() throws {
        if reference {
            print(ModelReference.markdown())
        } else {
            print(JSONSchemaDocument.text(), terminator: "")
        }
    }
}
