/// Everything a report template sees: built once from an `AnalysisReport`, shared by every format.
///
/// Stored properties only (Mustache reads values through `Mirror`, which does not see computed
/// properties). Model strings are kept as written; each format escapes them (HTML by Mustache's
/// default escaping, Markdown by the `MARKDOWN` content type). Anything the model does not
/// describe is a "Not assessed: …" sentence, never filler.
public struct ThreatModelView: Sendable, Equatable {
    /// "Threat model: <system name>".
    public var title: String
    public var systemName: String
    public var generatedAt: String
    public var toolVersion: String
    /// The system, the top risks, the actions and the open questions: the report's first section.
    public var executive: ExecutiveSummaryView
    /// One item per root cause, ranked by severity, confidence and exposure.
    public var findings: [FindingView]
    public var hasFindings: Bool
    /// The HTML report's severity and environment filters.
    public var filters: FilterBarView = FilterBarView(total: 0, severities: [], environments: [], hasEnvironments: false)
    /// The shell variables the findings' commands use, defined once before them; `nil` when none.
    public var commandVariables: CommandVariablesView?
    public var controls: ControlSectionView
    /// Appendix: what was analysed and how.
    public var scope: ScopeView
    public var overview: OverviewView
    public var diagram: DiagramView
    /// Appendix: what the model says about each component it describes, in a fixed order.
    public var components: [ComponentView]
    public var flows: FlowSectionView
    public var operations: OperationsView
    /// The appendix's one table: each component and operations part (but the middleware pipeline, which has
    /// its own table) with the facts that differ between environments or the aspects the model leaves out.
    public var modelParts: [ComponentView] = []
    public var hasModelParts = false
    /// Whether a part has a fact that differs by environment or is left open (else the table drops that column).
    public var modelPartsHaveNotes = false
    /// Whether the appendix has anything to show (a diagram, a part, the pipeline or data flows).
    public var hasModelAppendix = false
    /// Appendix D: every endpoint of the items whose endpoint table or list is cut; `nil` when none is.
    public var affectedEndpoints: AffectedEndpointsView? = nil
}

/// A labelled fact about the system: `Owner` → `Platform team`.
public struct FactView: Sendable, Equatable {
    public var label: String
    /// The fact, or "Not assessed: the model does not describe …".
    public var value: String
    /// `false` when `value` is a "Not assessed" sentence.
    public var isKnown: Bool
    /// Where environments differ: each group of environments with its value (`value` then says the
    /// same in one line); empty when the fact holds everywhere.
    public var byEnvironment: [EnvironmentValueView] = []
    public var hasByEnvironment = false
    /// The fact names what the model leaves open (endpoints with no authentication stated): the report's
    /// appendix shows it even though it does not repeat the model otherwise.
    public var isGap = false
}

/// One value of a fact or setting that differs across environments, and the environments that have it.
public struct EnvironmentValueView: Sendable, Equatable {
    /// Environment names joined with ", ".
    public var environments: String
    public var value: String
}

/// What was analysed and how.
public struct ScopeView: Sendable, Equatable {
    public var modelFile: Code
    public var environments: [EnvironmentView]
    public var environmentCount: Int
    /// More than one environment: the HTML report offers a filter by environment.
    public var hasEnvironmentFilter: Bool
    public var catalogEntryCount: Int
    /// How many findings the machine-readable exports list (one per environment and element).
    public var exportedFindingCount: Int
}

/// One analysed environment.
public struct EnvironmentView: Sendable, Equatable {
    public var name: String
    /// The environment's CSS class (`Anchor.environment`), for the environment filter.
    public var filterClass: String
    /// "production", or "kind not stated".
    public var kind: String
    /// The base URL, or "base URL not stated".
    public var baseURL: String
}

/// What the model says about the system that the summary's three lines do not (the trust model, a
/// Starlette version the analysis assumed), and its free-text description.
public struct OverviewView: Sendable, Equatable {
    /// Known facts only.
    public var facts: [FactView]
    /// The model's free-text description, if any.
    public var description: String?
    /// `fastapi 0.115.2`, sorted by package name.
    public var frameworks: [String]
    public var hasFrameworks: Bool
    /// Whether there is a fact or a framework note to show.
    public var hasFacts: Bool
}

extension OverviewView {
    /// The facts without a closing full stop, for templates that write them as sentences.
    func withoutClosingStops() -> OverviewView {
        var view = self
        view.facts = facts.map { fact in
            var fact = fact
            while fact.value.hasSuffix(".") { fact.value.removeLast() }
            return fact
        }
        return view
    }
}

/// A link to a finding from elsewhere in the report.
public struct FindingLinkView: Sendable, Equatable {
    public var id: String
    /// The id as an HTML anchor (`finding-…`).
    public var anchor: String
    public var title: String
    public var severity: String
    /// Lower-case severity, used as a CSS class.
    public var severityClass: String
}

/// "Before running the commands": the variables generated commands use where the model gives no
/// value (`BASE_URL` for an environment without `base_url`), with the block that defines them.
public struct CommandVariablesView: Sendable, Equatable {
    /// One line per variable: its name and what to set it to.
    public var variables: [CommandVariableView]
    /// The shell lines that define the variables, in order.
    public var definitions: Code

    /// The view for `findings`, or `nil` when no command uses a variable.
    init?(findings: [Finding]) {
        var environments: [CommandVariable: [String]] = [:]
        for finding in findings {
            let text = finding.validation + "\n" + finding.recommendation + "\n" + finding.description
            for variable in CommandVariable.used(in: text) {
                for name in finding.environments where !(environments[variable] ?? []).contains(name) {
                    environments[variable, default: []].append(name)
                }
            }
        }
        guard !environments.isEmpty else { return nil }
        // API_HOST and WS_BASE_URL are derived from BASE_URL.
        for derived in [CommandVariable.apiHost, .webSocketBaseURL] {
            guard let hostEnvironments = environments[derived] else { continue }
            for name in hostEnvironments where !(environments[.baseURL] ?? []).contains(name) {
                environments[.baseURL, default: []].append(name)
            }
        }
        let ordered = CommandVariable.allCases.filter { environments[$0] != nil }
        variables = ordered.map { variable in
            CommandVariableView(name: Code("$" + variable.rawValue), meaning: variable.meaning,
                                environments: (environments[variable] ?? []).joined(separator: ", "))
        }
        definitions = Code(ordered.map(\.definition).joined(separator: "\n"))
    }
}

/// One variable of `CommandVariablesView`.
public struct CommandVariableView: Sendable, Equatable {
    /// `$BASE_URL`.
    public var name: Code
    /// What the reader sets it to and why the report cannot.
    public var meaning: String
    /// The environments whose findings use it.
    public var environments: String
}

extension ThreatModelView {
    /// Every prose text the view holds (the Markdown of each `Prose`), in the order the report shows them.
    var proseMarkdown: [String] {
        var texts: [String] = []
        texts.reserveCapacity(findings.count * 5 + controls.reviews.count)
        for review in controls.reviews { texts.append(review.reason.markdown) }
        for item in findings {
            texts += [item.description.markdown, item.impactText.markdown, item.recommendation.markdown, item.validation.markdown]
            if let falsePositives = item.falsePositives { texts.append(falsePositives.markdown) }
        }
        return texts
    }
}
