/// What the compliance templates (`Templates/documents/compliance.*.mustache`) see.
public struct ComplianceView: Sendable {
    public struct Count: Sendable {
        public var chapter: String
        public var name: String?
        public var met: Int
        public var notMet: Int
        public var notAssessed: Int
        public var total: Int
    }

    public struct FindingLink: Sendable {
        public var id: Code
        public var title: String
        public var severity: String
        public var confidence: String
        public var anchor: String
    }

    public struct EvidenceLine: Sendable {
        public var path: Code
        public var modelLocation: Code?
        public var codeLocation: Code?
        public var findingID: Code?
    }

    public struct RowView: Sendable {
        public var id: Code
        public var anchor: String
        public var text: String
        public var chapter: String
        public var status: String
        public var statusClass: String
        public var needsResolution: Bool
        public var reason: String
        public var evidence: [EvidenceLine]
        public var hasEvidence: Bool
        public var findings: [FindingLink]
        public var hasFindings: Bool
        public var checks: String
    }

    public var title: String
    public var standardTitle: String
    public var standardOption: String
    public var itemName: String
    public var systemName: String
    public var modelFile: Code
    public var generatedAt: String
    public var toolVersion: String
    public var environments: String
    public var hasProduction: Bool
    public var csvFile: String
    public var counts: [Count]
    public var totals: Count
    public var rows: [RowView]
    public var hasRows: Bool
    /// The item texts are short names (NIST control names, Top 10 titles), shown in the matrix itself.
    public var showsTextInMatrix: Bool

    public init(matrix: ComplianceMatrix, report: AnalysisReport, csvFile: String) {
        let standard = matrix.standard
        title = "Compliance matrix: \(standard.title), \(report.model.base.system.name)"
        standardTitle = standard.title
        standardOption = standard.rawValue
        itemName = standard.itemName
        systemName = report.model.base.system.name
        modelFile = Code(report.model.file)
        generatedAt = report.generatedAt
        toolVersion = report.toolVersion
        environments = report.model.environments.map { environment in
            environment.name + (environment.kind.map { " (\($0.rawValue))" } ?? "")
        }.joined(separator: ", ")
        hasProduction = report.model.environments.contains { $0.kind == .production }
        self.csvFile = csvFile
        counts = matrix.chapters.map { chapter in
            Count(chapter: chapter.id, name: chapter.name, met: chapter.counts[.met] ?? 0, notMet: chapter.counts[.notMet] ?? 0,
                  notAssessed: chapter.counts[.notAssessed] ?? 0, total: chapter.total)
        }
        totals = Count(chapter: "All", name: nil, met: counts.reduce(0) { $0 + $1.met }, notMet: counts.reduce(0) { $0 + $1.notMet },
                       notAssessed: counts.reduce(0) { $0 + $1.notAssessed }, total: counts.reduce(0) { $0 + $1.total })
        rows = matrix.rows.map { row in
            RowView(
                id: Code(row.id), anchor: "req-" + Anchor.slug(row.id), text: row.text, chapter: row.chapter,
                status: row.status.rawValue, statusClass: row.status == .met ? "met" : row.status == .notMet ? "not-met" : "not-assessed",
                needsResolution: row.needsResolution, reason: row.reason,
                evidence: row.evidence.map { item in
                    EvidenceLine(path: Code(item.path.description), modelLocation: item.modelLocation.map { Code($0.description) },
                                 codeLocation: item.codeLocation.map { Code($0.description) }, findingID: item.findingID.map(Code.init))
                },
                hasEvidence: !row.evidence.isEmpty,
                findings: row.findings.map { finding in
                    FindingLink(id: Code(finding.id), title: finding.title, severity: finding.severity.rawValue,
                                confidence: finding.confidence.rawValue, anchor: Anchor.finding(finding.id))
                },
                hasFindings: !row.findings.isEmpty,
                checks: row.checks.joined(separator: ", "))
        }
        hasRows = !rows.isEmpty
        showsTextInMatrix = standard == .nist80053 || standard == .owaspAPI2023
    }
}
