import Testing
@testable import ThreatscribeCore

/// The committed `Generated/PrecompiledReferenceJSON.swift` is what `catalog precompile-reference` writes
/// today, and the tables read from it equal the tables read from their YAML.
struct PrecompiledReferenceTests {
    static let stale = "the precompiled reference tables differ from Catalog/reference/: run bash scripts/regenerate.sh"

    @Test func advisoriesEqualTheYAML() throws {
        let yaml = ResourceStore.builtIn[KnownAdvisories.path] ?? ""
        #expect(PrecompiledReferenceJSON.advisories == (try PrecompiledReference.json(fromYAML: yaml)), "\(Self.stale)")
        let fromYAML = try KnownAdvisories.parse(yaml)
        #expect(!fromYAML.isEmpty)
        #expect(KnownAdvisories.all == fromYAML)
    }

    @Test func dependencyConstraintsEqualTheYAML() throws {
        let yaml = ResourceStore.builtIn[DependencyConstraints.path] ?? ""
        #expect(PrecompiledReferenceJSON.dependencyConstraints == (try PrecompiledReference.json(fromYAML: yaml)), "\(Self.stale)")
        let fromYAML = try DependencyConstraints.parse(yaml)
        #expect(!fromYAML.runs.isEmpty && !fromYAML.starletteReleases.isEmpty)
        #expect(DependencyConstraints.builtIn == fromYAML)
    }

    @Test func hstsPreloadListEqualsTheYAML() throws {
        let yaml = ResourceStore.builtIn[HSTSPreloadList.path] ?? ""
        #expect(PrecompiledReferenceJSON.hstsPreload == (try PrecompiledReference.json(fromYAML: yaml)), "\(Self.stale)")
        let fromYAML = try HSTSPreloadList.parse(yaml)
        #expect(!fromYAML.suffixes.isEmpty)
        #expect(HSTSPreloadList.builtIn == fromYAML)
    }

    /// Booleans and numbers keep their types through JSON: fields read as `Bool` or as a number written
    /// where text is expected (`summary: 1.5`) parse the same from both forms.
    @Test func scalarTypesSurviveTheJSONForm() throws {
        let yaml = """
            advisories:
              - id: X-1
                package: starlette
                summary: 1.5
                severity: low
                url: https://example.com
                verified: true
                dedicated: false
                cwe: CWE-79
                ranges:
                  - fixed: "1.0"
            """
        let fromJSON = try KnownAdvisories.parse(root: PrecompiledReference.object(fromJSON: PrecompiledReference.json(fromYAML: yaml)))
        #expect(fromJSON == (try KnownAdvisories.parse(yaml)))
        #expect(fromJSON.first?.verified == true && fromJSON.first?.dedicated == false && fromJSON.first?.summary == "1.5")
    }
}
