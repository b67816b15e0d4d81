/// The most work one rendering may do: how deep sections, partials and blocks may nest, how many tags
/// it may render and how much text it may write. A built-in report of 50,000 endpoints stays far
/// below each (nesting under 20, about a million tags, 2 MB); templates that nest or include without
/// end are stopped with an error instead of exhausting the stack, the memory or the user's patience.
struct TemplateRenderBudget {
    /// Why rendering stopped.
    enum Exhausted: Error, Equatable {
        case nestedTooDeep
        case tooManyTags
        case tooMuchText

        /// What went wrong, for the error message.
        var explanation: String {
            switch self {
            case .nestedTooDeep:
                "sections and partials nest more than \(TemplateRenderBudget.maxDepth) deep when rendered"
            case .tooManyTags:
                "rendering would take more than \(TemplateRenderBudget.maxTags) tags (partials repeated at every level?)"
            case .tooMuchText:
                "the rendered text would exceed \(TemplateRenderBudget.maxBytes >> 20) MiB"
            }
        }
    }

    static let maxDepth = 400
    static let maxTags = 50_000_000
    static let maxBytes = 512 << 20

    private let maxDepth: Int
    private let maxTags: Int
    private let maxBytes: Int
    private(set) var exhausted: Exhausted?
    private var depth = 0
    private var tags = 0

    /// The budget of every rendering; tests give smaller limits to reach them quickly.
    init(maxDepth: Int = Self.maxDepth, maxTags: Int = Self.maxTags, maxBytes: Int = Self.maxBytes) {
        self.maxDepth = maxDepth
        self.maxTags = maxTags
        self.maxBytes = maxBytes
    }

    /// Whether a list of `tokens` may be rendered, with `written` bytes written so far; when it may,
    /// `leave()` must follow once it is rendered.
    mutating func enter(tokens count: Int, written: Int) -> Bool {
        guard exhausted == nil else { return false }
        tags += count
        if depth >= maxDepth {
            exhausted = .nestedTooDeep
        } else if tags > maxTags {
            exhausted = .tooManyTags
        } else if written > maxBytes {
            exhausted = .tooMuchText
        }
        guard exhausted == nil else { return false }
        depth += 1
        return true
    }

    mutating func leave() {
        depth -= 1
    }
}
