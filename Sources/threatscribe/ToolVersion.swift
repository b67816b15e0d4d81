/// The version printed by `--version` and written into reports.
enum ToolVersion {
    static let current = "0.1.0"
}
