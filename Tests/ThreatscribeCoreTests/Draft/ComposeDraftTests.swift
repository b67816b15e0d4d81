import Foundation
import Testing
@testable import ThreatscribeCore

/// Compose files → `deployment.containers`, and the extractor's JSON → `DraftNode` (issue 11).
@Suite struct ComposeDraftTests {
    static let compose = """
        services:
          proxy:
            image: docker.io/library/traefik:v3.6
            ports: ["80:80", {target: 443, published: 443, host_ip: 127.0.0.1}]
            volumes:
              - /var/run/docker.sock:/var/run/docker.sock
            privileged: true
          cache:
            image: redis:7
            ports: ["[::1]:6379:6379", "${CACHE_PORT}:6379", "${WEB_PORT:-8080}:80/tcp"]
          admin:
            image: dpage/pgadmin4
            environment:
              - PGADMIN_DEFAULT_PASSWORD=admin
              - PGADMIN_DEFAULT_EMAIL=${EMAIL}
          worker:
            build: .
            command: celery -A app worker
            user: "1000"
            volumes:
              - type: bind
                source: /var/run/docker.sock
                target: /var/run/docker.sock
                read_only: true

        """

    func container(_ draft: ComposeDraft, _ index: Int) -> String {
        DraftYAMLWriter.yaml(of: draft.containers[index])
    }

    @Test func servicesBecomeContainersWithRolePortsAndSocket() throws {
        let draft = try ComposeDraft(text: Self.compose, file: "compose.yml")
        #expect(draft.containers.count == 4)
        #expect(container(draft, 0) == """
            id: proxy
            image: docker.io/library/traefik:v3.6
            role: proxy
            published_ports:
              - host_port: 80
                container_port: 80
                source: compose.yml:4
              - host_port: 443
                container_port: 443
                bind_address: "127.0.0.1"
                source: compose.yml:4
            docker_socket: read_write  # compose.yml:6
            privileged: true  # compose.yml:7
            source: compose.yml:2

            """)
        #expect(container(draft, 1).contains("role: cache"))
        #expect(container(draft, 1).contains("bind_address: \"::1\""))
        #expect(container(draft, 1).contains("host_port: 8080"))
        #expect(draft.questions.contains("compose.yml:10: which host port and address does cache publish?"))
        #expect(container(draft, 2).hasPrefix("# compose.yml:14 sets PGADMIN_DEFAULT_PASSWORD to a literal"))
        #expect(container(draft, 2).contains("role: admin_ui"))
        #expect(!container(draft, 2).contains("EMAIL"))
        #expect(container(draft, 3).contains("role: worker"))
        #expect(container(draft, 3).contains("docker_socket: read_only"))
        #expect(container(draft, 3).contains("runs_as_root: false"))
        #expect(draft.builtServices == ["worker"])
    }

    @Test func aComposeFileThatIsNotYAMLIsALocatedError() {
        #expect(throws: DiagnosticList.self) { try ComposeDraft(text: "services: [\n", file: "compose.yml") }
    }

    @Test func aComposeFileWithoutTheAPIBecomesTheLocalStack() throws {
        let extraction = try ProjectExtraction.decode(Data(#"{"model": {"map": [["threatscribe", {"int": 1}]]}}"#.utf8))
        let draft = InitDraft(extraction: extraction, compose: [("docker/compose.yml", try ComposeDraft(text: Self.compose, file: "docker/compose.yml"))])
        let text = DraftYAMLWriter.yaml(of: draft.model)
        #expect(text.contains("# docker/compose.yml runs no API service: drafted as the local development stack"))
        #expect(text.contains("      deployment:\n        platform: docker\n        containers:\n          - add: true\n            id: proxy"))
    }

    @Test func extractorOutputDecodesEveryNodeKind() throws {
        let json = #"""
            {"model": {"map": [["a", {"str": "x", "c": "f.py:1"}], {"note": "n"}, ["b", {"seq": [{"int": 2}, {"bool": false}, {"null": true}]}]],
                       "notes": ["top"]},
             "summary": {"apps": 1, "middleware_order": [{"app": "app (main.py:3)", "order": ["CORSMiddleware"]}], "auth": ["jwt"]},
             "unresolved": ["main.py:4: title = X"], "questions": ["q?"], "skipped": []}
            """#
        let extraction = try ProjectExtraction.decode(Data(json.utf8))
        #expect(DraftYAMLWriter.yaml(of: extraction.model) == "# top\na: x  # f.py:1\n# n\nb:\n  - 2\n  - false\n  - null\n")
        #expect(extraction.counts["apps"] == 1)
        #expect(extraction.middlewareOrder.first?.order == ["CORSMiddleware"])
        #expect(InitDraft(extraction: extraction, compose: []).summary.contains("  main.py:4: title = X"))
    }

    @Test func malformedExtractorOutputIsAnError() {
        for text in ["[]", #"{"model": 3}"#, #"{"model": {"map": [[1, {"int": 1}]]}}"#, #"{"model": {"weird": 1}}"#] {
            #expect(throws: DraftDecodingError.self) { try ProjectExtraction.decode(Data(text.utf8)) }
        }
    }
}
