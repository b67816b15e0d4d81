import FuzzSupport
@testable import ThreatscribeCore

/// A catalog `when:` condition through the parser, the checker (against one scope of the real
/// vocabulary) and the evaluator; and the same text as the `when:` of a user catalog entry, loaded
/// through the catalog's entry parser (what `ThreatCatalog.load` runs for each file; the standards
/// reference is read once here) so error locations inside the scalar are computed too.
///
/// The first input byte picks the scope (low 6 bits) and how the entry writes the condition
/// (bit 6: block scalar or double-quoted scalar; bit 7: skip the catalog round).
/// Properties: no crash, hang or runaway memory; error offsets lie inside the text; a failed
/// catalog load carries an error.
let scopes = Analyzers.vocabulary.sortedScopes

let entryParser: CatalogEntryParser = {
    do { return CatalogEntryParser(vocabulary: Analyzers.vocabulary, reference: try StandardsReference.load(from: .builtIn)) } catch {
        fatalError("the standards reference does not load: \(error)")
    }
}()

/// One subject per scope with a plausible value for every field, so evaluation reaches every operator.
func subject(of scope: FactScope, known: Bool) -> FactSubject {
    var values: [String: FactValue] = [:]
    if known {
        for field in scope.fields {
            switch field.type {
            case .bool: values[field.name] = .bool(true)
            case .int: values[field.name] = .int(3)
            case .string: values[field.name] = .string("https://good.example.com")
            case .list: values[field.name] = .list(["GET", "*", ""])
            }
        }
    }
    return FactSubject(scope: scope.name, path: ModelPath(parsing: "fuzz"), name: "fuzz", component: "fuzz", values: values)
}

@_cdecl("FuzzCondition_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let selector = bytes.first else { return 0 }
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let scope = scopes[Int(selector & 0x3F) % scopes.count]

    do {
        let condition = try ConditionParser.parse(text)
        let checker = ConditionChecker(vocabulary: Analyzers.vocabulary, scope: scope)
        do {
            try checker.check(condition)
            for known in [false, true] {
                let globals = Dictionary(uniqueKeysWithValues: scopes.filter(\.isGlobal).map { ($0.name, subject(of: $0, known: known)) })
                _ = ConditionEvaluator(subject: subject(of: scope, known: known), globals: globals).holds(condition)
            }
        } catch {
            require((0...text.count).contains(error.offset), "checker offset \(error.offset) outside \(text.count) characters")
        }
    } catch {
        require((0...text.count).contains(error.offset), "parser offset \(error.offset) outside \(text.count) characters")
    }

    guard selector & 0x80 == 0 else { return 0 }
    let when: String
    if selector & 0x40 == 0 {
        when = "|-\n" + text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    } else {
        when = "\"" + text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\\": return "\\\\"
            case "\"": return "\\\""
            case "\n": return "\\n"
            default:
                return scalar.value < 0x20 || scalar.value == 0x7F ? "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2) : String(scalar)
            }
        }.joined() + "\""
    }
    let entry = "id: TS-FUZZ-001\ntitle: Fuzzed condition\nscope: \(scope.name)\nwhen: \(when)\ncomponent: Fuzz\n"
    let (parsed, problems) = entryParser.parse(text: entry, file: "fuzz.yaml")
    require(parsed != nil || problems.contains { $0.severity == .error }, "entry neither parsed nor reported an error")
    return 0
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
