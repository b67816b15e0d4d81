import Foundation
import Testing
@testable import ThreatscribeCore

/// A loaded model's locations read places from the located sections when asked; they must answer as
/// the listed places (`ModelLocations(inModel:)`, every mapping entry and list item) answer.
@Suite struct ModelLocationsTests {
    @Test func locatedSectionsAnswerAsListedPlaces() throws {
        let texts = JSONTreeDecoderTests.sampleTexts + [EnvironmentSectionsTests.model, MaximalModel.tree().text(pretty: true)]
        var asked = 0
        for text in texts {
            let loaded = try ModelLoader.load(text: text, file: "m.yaml")
            for locations in [loaded.baseLocations] + loaded.environments.map(\.locations) {
                let listed = ModelLocations(inModel: locations.inModel, inCode: locations.inCode)
                #expect(listed == locations)
                for path in locations.inModel.keys {
                    // The path, paths below it that lead nowhere, and the same components of another kind.
                    let variants: [ModelPath] = [
                        path, path.appending("zz"), path.appending(0), path.appending(7).appending("a"),
                        ModelPath(path.components.map(Self.keyed)),
                        ModelPath(path.components.prefix(1) + path.components.dropFirst().map(Self.otherKind)),
                    ]
                    for variant in variants {
                        #expect(locations.modelLocation(of: variant) == listed.modelLocation(of: variant), "\(variant)")
                        asked += 1
                    }
                }
                #expect(locations.modelLocation(of: .root) == listed.modelLocation(of: .root))
                #expect(locations.modelLocation(of: "no_such_section.x") == listed.modelLocation(of: "no_such_section.x"))
            }
        }
        #expect(asked > 1000)
    }

    static func keyed(_ component: ModelPath.Component) -> ModelPath.Component {
        if case .index(let index) = component { return .key("\(index)") }
        return component
    }

    static func otherKind(_ component: ModelPath.Component) -> ModelPath.Component {
        if case .key = component { return .index(0) }
        return .key("0")
    }
}
