/// How diagnostics quote text taken from user input.
public enum DiagnosticText {
    /// The most characters of one value a message quotes.
    public static let excerptLength = 80

    /// `value` as a message quotes it: whole when short, else its first `excerptLength` characters,
    /// `…` and the total length, so a 10 MB value never fills the terminal.
    public static func excerpt(_ value: String) -> String {
        var count = 0
        var end = value.startIndex
        while end < value.endIndex, count < excerptLength {
            value.formIndex(after: &end)
            count += 1
        }
        guard end < value.endIndex else { return value }
        return String(value[..<end]) + "… (\(value.count) characters)"
    }
}
