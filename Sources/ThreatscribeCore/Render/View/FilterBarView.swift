/// The HTML report's filter bar: radio buttons by severity and by environment, each with how many
/// items it keeps (CSS `:has` hides the rest; no script).
public struct FilterBarView: Sendable, Equatable {
    /// Every item, for "All".
    public var total: Int
    /// One option per severity that some item has, most severe first.
    public var severities: [FilterOptionView]
    /// One option per environment; shown only when there are several.
    public var environments: [FilterOptionView]
    public var hasEnvironments: Bool
}

/// One choice of the filter bar.
public struct FilterOptionView: Sendable, Equatable {
    public var label: String
    /// The radio button's value: the severity (`high`) or the environment's class.
    public var value: String
    /// The CSS class the option keeps (`sev-high`, `env-production`); ASCII letters, digits and `-`.
    public var cssClass: String
    public var count: Int
}

extension FilterBarView {
    /// The filters for `items`; `environments` are the analysed environments, in order.
    init(items: [FindingView], environments: [String]) {
        total = items.count
        severities = Severity.allCases.reversed().compactMap { severity in
            let count = items.filter { $0.severityClass == severity.rawValue }.count
            return count == 0 ? nil : FilterOptionView(label: severity.label, value: severity.rawValue, cssClass: "sev-" + severity.rawValue, count: count)
        }
        self.environments = environments.map { name in
            let cssClass = Anchor.environment(name)
            let count = items.filter { $0.environmentClasses.split(separator: " ").contains(Substring(cssClass)) }.count
            return FilterOptionView(label: name, value: cssClass, cssClass: cssClass, count: count)
        }
        hasEnvironments = environments.count > 1
    }
}
