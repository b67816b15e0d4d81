import Testing
@testable import ThreatscribeCore

/// Loads `text` and returns its diagnostics as printed (`file:line:col: error: message`), or `[]` when it loads.
func loadDiagnostics(_ text: String, file: String = "model.yaml") -> [String] {
    do {
        _ = try ModelLoader.load(text: text, file: file)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// Loads `text`, recording an issue with every diagnostic when it fails.
func loadModel(_ text: String, file: String = "model.yaml", sourceLocation: Testing.SourceLocation = #_sourceLocation) -> LoadedModel? {
    do {
        return try ModelLoader.load(text: text, file: file)
    } catch {
        Issue.record("unexpected diagnostics:\n\(error.description)", sourceLocation: sourceLocation)
        return nil
    }
}
