import Foundation
import Testing
import Yams
@testable import ThreatscribeCore

/// Models of real open-source FastAPI services, each with the findings a reviewer signs
/// (`must_fire`) and the false alarms seen on real code that must stay silent (`must_not_fire`).
/// Every directory under `RealProjects/` holds `model.yaml`, `expected.yaml` and `LICENSE-NOTICE.txt`.
struct RealProjectTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// The project directories, sorted.
    static let projects: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }()

    /// One line of `expected.yaml`: a catalog id, and optionally the subject and environment it must be on.
    struct Expectation: Decodable, CustomStringConvertible {
        var threat: String
        var subject: String?
        var environment: String?
        var why: String

        /// Whether `finding` is the one this line describes.
        func matches(_ finding: Finding) -> Bool {
            guard finding.threatID == threat else { return false }
            if let subject {
                let afterAt = finding.id.split(separator: "@", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                let path = afterAt.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
                // A prefix on component boundaries: `app` matches `app` and `app.docs_url`, not `apps[0].app`.
                guard path == subject || path.hasPrefix(subject + ".") || path.hasPrefix(subject + "[") else { return false }
            }
            if let environment, !finding.environments.contains(environment) { return false }
            return true
        }

        var description: String {
            "\(threat)" + (subject.map { "@\($0)" } ?? "") + (environment.map { "#\($0)" } ?? "") + " (\(why))"
        }
    }

    /// `expected.yaml`.
    struct Expected: Decodable {
        var project: String
        var commit: String
        var license: String
        var notes: String
        var mustFire: [Expectation]
        var mustNotFire: [Expectation]
        var knownGaps: [Expectation]?
        var knownMisfires: [Expectation]?

        enum CodingKeys: String, CodingKey {
            case project, commit, license, notes
            case mustFire = "must_fire", mustNotFire = "must_not_fire", knownGaps = "known_gaps", knownMisfires = "known_misfires"
        }
    }

    static func expected(_ project: String) throws -> Expected {
        let text = try String(contentsOf: directory.appendingPathComponent("\(project)/expected.yaml"), encoding: .utf8)
        return try YAMLDecoder().decode(Expected.self, from: text)
    }

    static func findings(_ project: String) throws -> (LoadedModel, [Finding]) {
        let file = "RealProjects/\(project)/model.yaml"
        let text = try String(contentsOf: directory.appendingPathComponent("\(project)/model.yaml"), encoding: .utf8)
        let model = try ModelLoader.load(text: text, file: file)
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        let report = try ThreatAnalysis(catalog: catalog).run(on: model, options: .init(generatedAt: "2026-01-15", toolVersion: "t"))
        return (model, report.findings)
    }

    @Test func atLeastThreeProjects() {
        #expect(Self.projects.count >= 3, "\(Self.projects)")
    }

    @Test(arguments: projects)
    func expectedFileIsComplete(project: String) throws {
        let expected = try Self.expected(project)
        #expect(expected.commit.count == 40 && expected.commit.allSatisfy(\.isHexDigit), "\(expected.commit)")
        #expect(["MIT", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "ISC"].contains(expected.license))
        #expect(expected.mustFire.count >= 4)
        #expect(expected.mustNotFire.count >= 3)
        #expect(FileManager.default.fileExists(atPath: Self.directory.appendingPathComponent("\(project)/LICENSE-NOTICE.txt").path))
    }

    @Test(arguments: projects)
    func mustFireFindingsFire(project: String) throws {
        let expected = try Self.expected(project)
        let (_, findings) = try Self.findings(project)
        for expectation in expected.mustFire {
            let fired = findings.contains(where: expectation.matches)
            let sameThreat = findings.map(\.id).filter { $0.hasPrefix(expectation.threat + "@") }
            #expect(fired, "\(project): expected \(expectation); \(expectation.threat) fired as \(sameThreat)")
        }
    }

    @Test(arguments: projects)
    func mustNotFireFindingsStaySilent(project: String) throws {
        let expected = try Self.expected(project)
        let (_, findings) = try Self.findings(project)
        for expectation in expected.mustNotFire {
            let misfires = findings.filter(expectation.matches).map(\.id)
            #expect(misfires.isEmpty, "\(project): must not fire \(expectation), fired as \(misfires)")
        }
    }

    /// Findings on the deployment, the build or a dependency cite the code when the model gives `source:` there.
    @Test(arguments: projects)
    func deploymentBuildAndDependencyFindingsCiteCode(project: String) throws {
        let (model, findings) = try Self.findings(project)
        for finding in findings {
            let path = finding.subjectPath.description
            let sourced: Bool
            if path.hasPrefix("deployment") {
                sourced = model.base.deployment?.source != nil
            } else if path.hasPrefix("build") {
                sourced = model.base.build?.source != nil
            } else if path.hasPrefix("dependencies[") {
                let index = Int(path.dropFirst("dependencies[".count).prefix { $0.isNumber }) ?? -1
                let dependencies = model.base.dependencies ?? []
                sourced = dependencies.indices.contains(index) && dependencies[index].source != nil
            } else {
                continue
            }
            guard sourced else { continue }
            let cited = finding.evidence.contains { $0.codeLocation != nil }
            #expect(cited, "\(project): \(finding.id) cites no code location")
        }
    }
}
