import Foundation
import Testing
@testable import ThreatscribeCore

/// What the view does differently for speed at thousands of endpoints (items built on several cores,
/// rows kept only for the rows shown, evidence gathered by place, groups ranked by keys worked out once)
/// changes nothing it shows.
@Suite struct ViewAtScaleTests {
    static func report(endpoints: Int) throws -> AnalysisReport {
        let loaded = try ModelLoader.load(text: LongListTests.model(endpoints: endpoints), file: "many.yaml")
        let catalog = try BuiltInCatalog.load(vocabulary: Analyzers.vocabulary)
        return try ThreatAnalysis(catalog: catalog).run(on: loaded, options: .init(generatedAt: "2026-01-15", toolVersion: "test"))
    }

    @Test func itemsBuiltConcurrentlyEqualItemsBuiltInTurn() throws {
        for report in [try Self.report(endpoints: 120), try SampleReportTests.report(for: "fastapi-kubernetes.yaml")] {
            let groups = FindingGroup.grouping(report.findings, environments: report.model.environments)
            let names = report.model.environments.map(\.name)
            let concurrent = groups.concurrentMap { FindingView($0, environments: names, modelFile: report.model.file) }
            #expect(concurrent == groups.map { FindingView($0, environments: names, modelFile: report.model.file) })
            #expect(groups.count > 1)
        }
    }

    @Test(arguments: ["fastapi-kubernetes.yaml", "betzenstein-booking.yaml", "home-security-intelligence.yaml"])
    func groupsAreRankedBySeverityConfidenceExposureAndEnvironments(sample: String) throws {
        let report = try SampleReportTests.report(for: sample)
        let environments = report.model.environments
        let groups = FindingGroup.grouping(report.findings, environments: environments)
        let exposure = { (finding: Finding) in
            finding.environments.map { name in FindingGroup.rank(of: environments.first { $0.name == name }?.kind) }.max() ?? 0
        }
        // The ranking as written before its keys were worked out once per group.
        let ranked = groups.sorted { left, right in
            if left.severity != right.severity { return left.severity > right.severity }
            let (lc, rc) = (left.representative.confidence == .clearCut ? 1 : 0, right.representative.confidence == .clearCut ? 1 : 0)
            if lc != rc { return lc > rc }
            let (l, r) = (exposure(left.representative), exposure(right.representative))
            if l != r { return l > r }
            let (ln, rn) = (Set(left.members.flatMap(\.environments)).count, Set(right.members.flatMap(\.environments)).count)
            if ln != rn { return ln > rn }
            return left.id < right.id
        }
        #expect(groups == ranked)
        #expect(Set(groups.map(\.id)).count == groups.count)
        for group in groups {
            let members = group.members.map(\.id)
            #expect(members == group.members.sorted { left, right in
                if left.severity != right.severity { return left.severity > right.severity }
                if exposure(left) != exposure(right) { return exposure(left) > exposure(right) }
                return left.id < right.id
            }.map(\.id) || group.merged != nil)
        }
    }

    /// Forty endpoints with one finding each; `change` edits the members before they are grouped.
    static func endpointGroup(_ change: (inout [Finding]) -> Void) -> FindingGroup {
        let base = ReportFixture.findings(file: "m.yaml", environments: ["production"]) { $0 }[0]
        var members = (0..<40).map { index in
            var finding = base
            finding.id = "TS-X-001@routers[0].endpoints[\(index)]"
            finding.threatID = "TS-X-001"
            finding.subjectPath = ModelPath(stringLiteral: "routers[0].endpoints[\(index)]")
            finding.subjectName = "GET /e\(index)"
            finding.evidence = [Evidence(path: ModelPath(stringLiteral: "routers[0].endpoints[\(index)].auth"), modelLocation: nil,
                                         codeLocation: nil, fact: "auth", value: "none")]
            return finding
        }
        change(&members)
        return FindingGroup(members: members, id: members[0].id, isAcrossEndpoints: true)
    }

    @Test func aValueDifferingOnlyInRowsNotShownIsStillAColumn() throws {
        let same = try #require(VariationTableView(Self.endpointGroup { _ in }, environments: ["production"]))
        #expect(same.columns.isEmpty)
        #expect(same.rows.count == VariationTableView.maximumRows)
        #expect(same.more == "15 more rows: the JSON, SARIF and CSV exports list every finding.")

        let late = try #require(VariationTableView(Self.endpointGroup { members in
            members[30].evidence[0].value = "oauth2"
            members[35].evidence.append(Evidence(path: "app.debug", modelLocation: nil, codeLocation: nil, fact: "debug", value: "true"))
            members[36].evidence.append(members[36].evidence[0])
            members[36].evidence[1].value = "later value wins"
        }, environments: ["production"]))
        #expect(late.columns.map(\.text) == ["auth", "debug"])
        #expect(late.rows.count == VariationTableView.maximumRows)
        #expect(late.rows.allSatisfy { $0.cells.map(\.value.text) == ["none", ""] && $0.cells[1].isMissing })

        let missing = try #require(VariationTableView(Self.endpointGroup { members in members[39].evidence = [] }, environments: ["production"]))
        #expect(missing.columns.map(\.text) == ["auth"])
    }

    @Test func evidenceAtOnePlaceIsGatheredWhereverItComes() {
        let at = { (path: String, value: String) in
            Evidence(path: ModelPath(stringLiteral: path), modelLocation: SourceLocation(file: "m.yaml", line: 3, column: 1),
                     codeLocation: nil, fact: "f\(value)", value: value)
        }
        let lines = EvidenceView.lines([at("a", "1"), at("b", "2"), at("c", "3"), at("a", "4"),
                                        Evidence(path: "a", modelLocation: nil, codeLocation: nil, value: "5"), at("b", "6")],
                                       modelFile: "m.yaml")
        #expect(lines.map(\.path.text) == ["a", "b", "c", "a"])
        #expect(lines.map { $0.values.map(\.value.text) } == [["1", "4"], ["2", "6"], ["3"], ["5"]])
        #expect(lines.map(\.modelLocation) == ["line 3", "line 3", "line 3", nil])
    }

    @Test func concurrentlyReturnsEachResultInItsPlace() {
        let (text, number) = concurrently({ String(repeating: "a", count: 3) }, { (1...100).reduce(0, +) })
        #expect(text == "aaa")
        #expect(number == 5050)
    }
}
