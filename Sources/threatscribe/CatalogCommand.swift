import ArgumentParser
import Foundation
import ThreatscribeCore

/// `threatscribe catalog list|show`
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List or show the threat catalog's entries.",
        subcommands: [List.self, Show.self, Docs.self, Precompile.self, PrecompileReference.self, PrecompileProse.self])

    struct CatalogOptions: ParsableArguments {
        @Option(name: .customLong("catalog"), help: "A directory of extra catalog entries or overrides (repeatable).")
        var directories: [String] = []

        func load() throws -> ThreatCatalog {
            let files = try exitingOnBadInput { () throws(DiagnosticList) in try InputFiles.catalogFiles(in: directories) }
            return try exitingOnBadInput { () throws(DiagnosticList) in
                try BuiltInCatalog.load(userFiles: files, vocabulary: Analyzers.vocabulary)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List every entry.")

        @OptionGroup var options: CatalogOptions

        @Option(help: "text or json.")
        var format: String = "text"

        func run() throws {
            let catalog = try options.load()
            switch format {
            case "json":
                print(TerminalText.inertJSON(try CatalogListing(catalog: catalog).json()))
            case "text":
                for entry in catalog.entries {
                    let severity = entry.severityOverride ?? Severity(likelihood: entry.likelihood.level, impact: entry.impact.level)
                    let columns = [entry.id.padding(toLength: 16, withPad: " ", startingAt: 0), severity.label.padding(toLength: 8, withPad: " ", startingAt: 0),
                                   entry.cwe.padding(toLength: 9, withPad: " ", startingAt: 0), entry.title]
                    print(TerminalText.escaped(columns.joined(separator: " ")))
                }
                print("\(catalog.entries.count) entries")
            default:
                throw ValidationError("unknown format `\(format)`; use text or json")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one entry in full.")

        @OptionGroup var options: CatalogOptions

        @Argument(help: "The entry id, e.g. TS-DOCS-001.")
        var id: String

        func run() throws {
            let catalog = try options.load()
            guard let entry = catalog.entry(id: id) else {
                let hint = Suggestion.closest(to: id, in: catalog.entries.map(\.id)).map { "; did you mean \($0)?" } ?? ""
                printError("no catalog entry `\(id)`\(hint)")
                throw ExitCode(2)
            }
            print(CatalogEntryText(entry: entry).text)
        }
    }

    struct Docs: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "docs", abstract: "Print the catalog reference (docs/catalog.md).")

        @OptionGroup var options: CatalogOptions

        func run() throws {
            let catalog = try options.load()
            print(TerminalText.escapedLines(CatalogDocumentation(catalog: catalog, vocabulary: Analyzers.vocabulary).markdown), terminator: "")
        }
    }

    /// Writes `Generated/PrecompiledCatalogJSON.swift` (run by `scripts/regenerate.sh`): the catalog
    /// directory parsed by the real parser, so the binary loads its built-in catalog without parsing YAML.
    /// Reads only the directory, never the built-in catalog, so it works while the committed copy is stale.
    struct Precompile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "precompile",
            abstract: "Print the built-in catalog precompiled, as Swift source (for scripts/regenerate.sh).",
            shouldDisplay: false)

        @Argument(help: "The catalog directory (the repository's Catalog/).")
        var directory: String

        func run() throws {
            print(try compiledCatalog(in: directory).swiftSource(), terminator: "")
        }
    }

    /// Writes `Generated/PrecompiledProseHTML.swift` (run by `scripts/regenerate.sh`): the HTML of the
    /// catalog directory's prose, converted once so reports fill it instead of running Ink on it.
    struct PrecompileProse: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "precompile-prose",
            abstract: "Print the catalog's prose converted to HTML, as Swift source (for scripts/regenerate.sh).",
            shouldDisplay: false)

        @Argument(help: "The catalog directory (the repository's Catalog/).")
        var directory: String

        func run() throws {
            print(try compiledCatalog(in: directory).proseHTMLSwiftSource(), terminator: "")
        }
    }

    /// Writes `Generated/PrecompiledReferenceJSON.swift` (run by `scripts/regenerate.sh`): the reference
    /// tables the analyzers read at start-up, converted from YAML to JSON. Reads only the directory.
    struct PrecompileReference: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "precompile-reference",
            abstract: "Print the reference tables precompiled, as Swift source (for scripts/regenerate.sh).",
            shouldDisplay: false)

        @Argument(help: "The catalog directory (the repository's Catalog/).")
        var directory: String

        func run() throws {
            let files = try exitingOnBadInput { () throws(DiagnosticList) in try InputFiles.resourceFiles(in: directory, as: "Catalog") }
            print(try PrecompiledReference.swiftSource(from: ResourceStore(files: files)), terminator: "")
        }
    }
}

/// The catalog directory parsed by the real parser (`catalog precompile` and `catalog precompile-prose`);
/// reads only the directory, never the built-in catalog.
private func compiledCatalog(in directory: String) throws -> PrecompiledCatalog {
    let files = try exitingOnBadInput { () throws(DiagnosticList) in try InputFiles.resourceFiles(in: directory, as: "Catalog") }
    return try exitingOnBadInput { () throws(DiagnosticList) in
        try PrecompiledCatalog.compiling(ResourceStore(files: files), vocabulary: Analyzers.vocabulary)
    }
}
