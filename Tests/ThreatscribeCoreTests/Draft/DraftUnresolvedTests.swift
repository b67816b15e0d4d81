import Foundation
import Testing
import Yams
@testable import ThreatscribeCore

/// `init` writes what it could not resolve as `{unresolved: …}`, which the loader reads as unknown.
@Suite struct DraftUnresolvedTests {
    @Test func writtenAsAFlowMappingThatNoExpressionCanBreak() throws {
        for value in DraftYAMLWriterTests.hostile {
            let root = DraftNode.mapping([("value", .unresolved(value, source: value, comment: value)), ("after", .integer(1))])
            let text = DraftYAMLWriter.yaml(of: root)
            let back = try #require(try Yams.load(yaml: text) as? [String: Any], "\(text.debugDescription)")
            let form = try #require(back["value"] as? [String: Any], "\(text.debugDescription)")
            #expect(form["unresolved"] as? String == value, "\(value.debugDescription) → \(text.debugDescription)")
            #expect(form["source"] as? String == value)
            #expect(back.count == 2 && back["after"] as? Int == 1)
        }
        let text = DraftYAMLWriter.yaml(of: .mapping([("allow_origins", .unresolved("settings.all_cors_origins", source: "backend/app/main.py:23"))]))
        #expect(text == "allow_origins: {unresolved: \"settings.all_cors_origins\", source: \"backend/app/main.py:23\"}\n")
    }

    @Test func extractorNotesBecomeUnresolvedValuesWhereTheFormatAllowsThem() throws {
        var app = DraftNode.mapping([("framework", .string("fastapi"))])
        app.appendNote("UNRESOLVED title = settings.PROJECT_NAME (app/main.py:3): state it")
        app.appendNote("UNRESOLVED debug = settings.server.debug_mode (app/main.py:4): state it")
        app.appendNote("UNRESOLVED docs_url = s.url if s.enabled else None (app/main.py:5; env DOCS, default 'x (y)' (app/config.py:9)): state it")
        var cors = DraftNode.mapping([("type", .string("cors")), ("id", .string("main_cors")), ("allow_credentials", .boolean(true))])
        cors.appendNote("UNRESOLVED allow_origins = [o for o in f(x)] (app/main.py:23): state it")
        cors.appendNote("registered only if settings.cors.enabled: say in which environments")
        var added = DraftNode.mapping([("add", .boolean(true)), ("type", .string("cors")), ("id", .string("env_cors"))])
        added.appendNote("UNRESOLVED allow_origins: comes from APP_CORS_ORIGINS in this environment; state it")
        let model = DraftNode.mapping([
            ("system", .mapping([("name", .string("S"))])),
            ("app", app),
            ("middleware", .sequence([cors])),
            ("environments", .sequence([.mapping([("name", .string("cors on")),
                                                  ("overrides", .mapping([("middleware", .sequence([added]))]))])])),
        ]).writingUnresolvedValues()
        let text = DraftYAMLWriter.yaml(of: model)
        #expect(text == """
            system:
              name: S
            app:
              framework: fastapi
              # UNRESOLVED title = settings.PROJECT_NAME (app/main.py:3): state it
              debug: {unresolved: "settings.server.debug_mode", source: "app/main.py:4"}
              docs_url: {unresolved: "s.url if s.enabled else None", source: "app/main.py:5"}  # env DOCS, default 'x (y)' (app/config.py:9)
            middleware:
              - type: cors
                id: main_cors
                allow_credentials: true
                allow_origins: {unresolved: "[o for o in f(x)]", source: "app/main.py:23"}
                # registered only if settings.cors.enabled: say in which environments
            environments:
              - name: "cors on"
                overrides:
                  middleware:
                    - add: true
                      type: cors
                      id: env_cors
                      allow_origins: {unresolved: "APP_CORS_ORIGINS"}  # the setting APP_CORS_ORIGINS, as this environment sets it

            """)
        let loaded = try ModelLoader.load(text: text, file: "draft.yaml")
        #expect(loaded.base.unresolved?.map(\.path) == ["app.debug", "app.docs_url", "middleware[0].allow_origins"])
        #expect(loaded.environments.first?.model.unresolved?.last == UnresolvedValue(path: "middleware[1].allow_origins", expression: "APP_CORS_ORIGINS"))
    }

    @Test func notesItCannotReadStayComments() {
        for note in ["UNRESOLVED allow_origins = x", "UNRESOLVED = x (a.py:1): state it", "UNRESOLVED Bad-Key = x (a.py:1): state it",
                     "UNRESOLVED allow_origins = x (not a place): state it", "unresolved: **kwargs (a.py:3)", "UNRESOLVED allow_origins:  in this environment; state it"] {
            #expect(DraftNode.unresolvedNote(note) == nil, "\(note)")
        }
    }
}
