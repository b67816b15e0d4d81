/// Overall risk severity, from the OWASP Risk Rating Methodology's likelihood × impact matrix.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case note, low, medium, high, critical

    private var rank: Int {
        switch self {
        case .note: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// "Critical", "High", … as the methodology prints them.
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// LOW, MEDIUM or HIGH, as the methodology bands a 0–9 factor average.
public enum RiskLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case low, medium, high

    /// 0 to <3 LOW, 3 to <6 MEDIUM, 6 to 9 HIGH.
    public init(score: Double) {
        switch score {
        case ..<3: self = .low
        case ..<6: self = .medium
        default: self = .high
        }
    }

    private var rank: Int { self == .low ? 0 : self == .medium ? 1 : 2 }
    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }

    public var label: String { rawValue.uppercased() }
}

extension Severity {
    /// The methodology's "Overall Risk Severity" matrix.
    public init(likelihood: RiskLevel, impact: RiskLevel) {
        switch (impact, likelihood) {
        case (.high, .high): self = .critical
        case (.high, .medium), (.medium, .high): self = .high
        case (.high, .low), (.medium, .medium), (.low, .high): self = .medium
        case (.medium, .low), (.low, .medium): self = .low
        case (.low, .low): self = .note
        }
    }
}
