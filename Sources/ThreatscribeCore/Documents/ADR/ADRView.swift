/// What the ADR templates (`Templates/documents/adr-madr.*`, `adr-nygard.*`) see.
public struct ADRView: Sendable {
    public struct OptionView: Sendable {
        public var title: String
        public var anchor: String
        public var summary: Prose
        public var code: Code?
        public var good: [Prose]
        public var bad: [Prose]
        public var neutral: [Prose]
        public var isChosen: Bool
    }

    public struct ExchangeView: Sendable {
        public var title: String
        public var environment: String
        public var command: Code
        public var answer: Prose
        public var response: Code?
    }

    public var heading: String
    public var status: String
    public var date: String
    /// The MADR front matter, each value YAML-escaped.
    public var frontMatter: String
    public var decisionMakers: String
    public var modelFile: Code
    public var toolVersion: String
    public var limits: [Prose]
    public var hasLimits: Bool
    public var problem: [Prose]
    public var facts: [Prose]
    public var drivers: [Prose]
    public var hasDrivers: Bool
    public var options: [OptionView]
    public var otherOptions: [OptionView]
    public var chosenTitle: String
    public var action: String
    public var justification: Prose
    /// MADR's `Chosen option: "…", because …` as one paragraph.
    public var outcome: Prose
    /// Nygard's `We will …, because …` as one paragraph.
    public var weWill: Prose
    public var decisionCode: Code?
    public var good: [Prose]
    public var bad: [Prose]
    public var neutral: [Prose]
    public var corrections: [Prose]
    public var hasCorrections: Bool
    public var confirmation: [Prose]
    public var exchanges: [ExchangeView]
    public var hasConfirmation: Bool
    public var hasExchanges: Bool
    public var implementation: [Prose]
    public var moreInformation: [Prose]

    init(content: ADRContent, report: AnalysisReport, number: Int?, status: String) {
        let numbered = number.map { String(repeating: "0", count: max(0, 4 - String($0).count)) + String($0) }
        heading = numbered.map { "ADR-\($0): \(content.title)" } ?? content.title
        self.status = status
        date = report.generatedAt
        let makers = report.model.base.system.owner.map { [$0] } ?? []
        decisionMakers = makers.isEmpty ? "not named in the model" : makers.joined(separator: ", ")
        frontMatter = [
            "status: \(YAMLEscaping.doubleQuoted(status))",
            "date: \(YAMLEscaping.doubleQuoted(report.generatedAt))",
            "decision-makers: \(YAMLEscaping.sequence(makers))",
            "consulted: []",
            "informed: []",
        ].joined(separator: "\n")
        modelFile = Code(report.model.file)
        toolVersion = report.toolVersion
        limits = content.limits
        hasLimits = !content.limits.isEmpty
        problem = content.problem
        facts = content.facts
        drivers = content.drivers
        hasDrivers = !content.drivers.isEmpty
        options = content.options.enumerated().map { index, option in
            OptionView(title: option.title, anchor: "option-\(index + 1)", summary: option.summary, code: option.code,
                       good: option.good, bad: option.bad, neutral: option.neutral, isChosen: index == content.chosen)
        }
        otherOptions = options.filter { !$0.isChosen }
        chosenTitle = content.options[content.chosen].title
        action = content.action
        justification = content.justification
        outcome = Prose("Chosen option: \"\(MD.text(chosenTitle))\", because \(content.justification.markdown)")
        weWill = Prose("We will \(MD.text(content.action)), because \(content.justification.markdown)")
        decisionCode = content.decisionCode
        good = content.good
        bad = content.bad
        neutral = content.neutral
        corrections = content.corrections
        hasCorrections = !content.corrections.isEmpty
        confirmation = content.confirmation
        exchanges = content.exchanges.map {
            ExchangeView(title: $0.title, environment: $0.environment, command: $0.command, answer: $0.answer, response: $0.response)
        }
        hasConfirmation = !content.confirmation.isEmpty || !content.exchanges.isEmpty
        hasExchanges = !content.exchanges.isEmpty
        implementation = content.implementation
        moreInformation = content.moreInformation
    }
}

/// Writes the draft of one architecture decision record for a model, as `adr-<decision>.md` and `.html`
/// (`adr-NNNN-<decision>` with a number).
public struct ADRDocument: Sendable {
    public var decision: ADRDecision
    public var style: ADRStyle
    public var number: Int?
    public var status: String

    public init(decision: ADRDecision, style: ADRStyle = .madr, number: Int? = nil, status: String = "proposed") {
        self.decision = decision
        self.style = style
        self.number = number
        self.status = status
    }

    public var fileName: String {
        let numbered = number.map { String(repeating: "0", count: max(0, 4 - String($0).count)) + String($0) + "-" } ?? ""
        return "adr-\(numbered)\(decision.rawValue)"
    }

    /// The record's view: content from the analysis, laid out for the chosen style.
    public func view(of report: AnalysisReport) -> ADRView {
        let facts = ADRSystemFacts(report: report, decision: decision)
        let content = decision == .corsPolicy ? CORSDecisionDraft(facts: facts).content() : ControlDecisionDraft(facts: facts).content()
        return ADRView(content: content, report: report, number: number, status: status)
    }

    public func render(_ report: AnalysisReport, templates: ResourceStore = .builtIn) throws -> [RenderedFile] {
        try DocumentFiles.render(view(of: report), template: "adr-\(style.rawValue)", named: fileName, templates: templates)
    }
}
