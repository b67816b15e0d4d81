import Testing
@testable import ThreatscribeCore

/// Containers shipped with the service: bind addresses, reachability, and ports published only
/// in one environment through an override.
@Suite struct ContainerAnalyzerTests {
    @Test func bindAddresses() {
        #expect(ContainerAnalyzer.bindsEveryInterface(nil))
        #expect(ContainerAnalyzer.bindsEveryInterface("0.0.0.0"))
        #expect(ContainerAnalyzer.bindsEveryInterface("::"))
        #expect(!ContainerAnalyzer.bindsEveryInterface("127.0.0.1"))
        #expect(!ContainerAnalyzer.bindsEveryInterface("10.0.0.5"))
        #expect(ContainerAnalyzer.text(PublishedPort(hostPort: 5432, containerPort: 5432)) == "0.0.0.0:5432→5432")
    }

    @Test func portPublishedOnlyInDevelopmentComesFromTheOverride() throws {
        let loaded = try #require(loadModel("""
        system: {name: X}
        deployment:
          containers:
            - {id: db, image: "postgres:18", role: database}
        environments:
          - name: local
            kind: development
            overrides:
              deployment:
                containers:
                  - id: db
                    published_ports: [{host_port: 5432, container_port: 5432}]
          - {name: production, kind: production}
        """))
        func facts(_ index: Int) -> FactSubject? {
            ContainerAnalyzer().subjects(in: AnalysisContext(environment: loaded.environments[index], allEnvironments: loaded.environments)).first
        }
        #expect(facts(0)?["publishes_on_all_interfaces"] == .bool(true))
        #expect(facts(0)?["reachable_from_outside"] == .bool(true))
        #expect(facts(1)?["publishes_on_all_interfaces"] == .bool(false))
        #expect(facts(1)?["reachable_from_outside"] == .unknown, "no ports and no proxy statement: not known")
    }
}
