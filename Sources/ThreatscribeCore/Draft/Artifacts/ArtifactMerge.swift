/// Merges the artifacts a project already has (OpenAPI documents, Kubernetes manifests and Helm
/// values, CycloneDX SBOMs, `.env` files) into the draft `init` made from the code.
///
/// The code's facts win: an artifact fills in what the code left out or could not resolve, and a
/// value both state differently is kept as the code has it and becomes a question in the summary,
/// never a silent overwrite. Every merged value cites its artifact's `file:line`. Secret values
/// read from manifests and `.env` files are never copied: only where they are written.
public enum ArtifactMerge {
    /// `draft` with the artifacts among `files` merged in, and its summary extended with what was
    /// merged, the conflicts, and a located warning for every artifact that could not be read.
    /// `warnings` are the walker's own (files over the limits), added to the summary as they are.
    public static func merged(_ draft: InitDraft, files: [ProjectFile], warnings: [String] = []) -> InitDraft {
        let artifacts = ProjectArtifacts(files: files)
        var state = MergeState(model: draft.model)
        for (file, document) in artifacts.openAPI { state.merge(openAPI: document, file: file) }
        if !artifacts.manifests.isEmpty {
            let workload = KubernetesWorkload.read(manifests: artifacts.manifests.flatMap(\.documents), file: artifacts.manifests[0].file)
            let file = workload.containers.first?.location.file ?? artifacts.manifests[0].file
            state.merge(workload: workload, file: file, described: "Kubernetes manifests (\(artifacts.manifests.map(\.file).joined(separator: ", ")))")
        }
        for (file, values) in artifacts.helmValues {
            state.merge(workload: HelmValues.read(values, file: file), file: file, described: "Helm values \(file)")
        }
        for (file, bom) in artifacts.sboms { state.merge(sbom: bom, file: file) }
        for environmentFile in artifacts.environmentFiles {
            state.merge(environmentFile: environmentFile, committed: !artifacts.ignored.ignores(environmentFile.file))
        }
        var result = draft
        result.model = state.model
        result.summary += state.summaryLines(warnings: warnings + artifacts.warnings)
        return result
    }
}

/// The draft as the artifacts are merged into it, with what to tell the user.
struct MergeState {
    var model: DraftNode
    /// One line per artifact merged: `openapi.json (OpenAPI 3.1.0): 12 operations, 10 matched the code, 2 added`.
    var merged: [String] = []
    /// Values an artifact states differently from the code (the code's value is kept).
    var conflicts: [String] = []
    /// What a human should still state about the artifacts.
    var questions: [String] = []

    func summaryLines(warnings: [String]) -> [String] {
        var lines: [String] = []
        if !merged.isEmpty {
            lines.append("artifacts merged into the draft:")
            lines += merged.map { "  " + $0 }
        }
        if !conflicts.isEmpty {
            lines.append("conflicts between the code and the artifacts (\(conflicts.count); the code's value is kept, state which holds):")
            lines += conflicts.prefix(40).map { "  - " + $0 }
            if conflicts.count > 40 { lines.append("  … and \(conflicts.count - 40) more") }
        }
        if !questions.isEmpty {
            lines.append("about the artifacts, a human should still state:")
            lines += questions.prefix(20).map { "  - " + $0 }
            if questions.count > 20 { lines.append("  … and \(questions.count - 20) more") }
        }
        if !warnings.isEmpty {
            lines.append("artifacts not merged:")
            lines += warnings.prefix(20).map { "  " + $0 }
            if warnings.count > 20 { lines.append("  … and \(warnings.count - 20) more") }
        }
        return lines
    }
}

/// `1 setting`, `2 settings`.
func counted(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

extension DraftNode {
    /// The text of a scalar, as the summary shows it (`true`, `8080`, `python:3.12`).
    var shownText: String? {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .boolean(let flag): String(flag)
        case .null: "null"
        case .unresolved(let expression, _): "unresolved: \(expression)"
        case .sequence, .mapping: nil
        }
    }

    /// The keys and values of a mapping, without its comment lines.
    var keyedValues: [(key: String, value: DraftNode)] {
        members.compactMap { if case .pair(let key, let value) = $0 { (key, value) } else { nil } }
    }
}
