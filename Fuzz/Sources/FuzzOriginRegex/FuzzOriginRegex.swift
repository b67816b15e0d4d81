import Foundation
import FuzzSupport
import ThreatscribeCore

/// With `FUZZ_SKIP_KNOWN=1`, patterns in the classes issue 7 already reports are skipped: counted
/// repeats of 1000 or more and groups nested more than 50 deep.
let skipKnown = ProcessInfo.processInfo.environment["FUZZ_SKIP_KNOWN"] == "1"

func isKnownIssue7Class(_ pattern: Substring) -> Bool {
    var depth = 0, deepest = 0, digits = 0, inBraces = false
    for scalar in pattern.unicodeScalars {
        switch scalar {
        case "(": depth += 1; deepest = max(deepest, depth)
        case ")": depth -= 1
        case "{": inBraces = true; digits = 0
        case "}", ",": digits = 0; if scalar == "}" { inBraces = false }
        case "0"..."9": digits += 1; if inBraces && digits >= 4 { return true }
        default: digits = 0
        }
    }
    return deepest > 50
}

/// An `allow_origin_regex` pattern and an origin (the input split at its first newline) through
/// the origin-regex engine: compile, full and prefix match (bounded by the step budget), and the
/// sloppy-regex probe.
///
/// Properties: no crash, hang or runaway memory; a full match is also a prefix match; every
/// attacker origin the probe reports is one the regex admits (its documentation promises this).
@_cdecl("FuzzOriginRegex_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let pattern: Substring
    let origin: Substring
    if let newline = text.firstIndex(of: "\n") {
        pattern = text[..<newline]
        origin = text[text.index(after: newline)...]
    } else {
        pattern = text[...]
        origin = "https://good.example.com"
    }
    if skipKnown && isKnownIssue7Class(pattern) { return 0 }
    let regex: OriginRegex
    do { regex = try OriginRegex(String(pattern)) } catch { return 0 }
    let full = regex.fullyMatches(String(origin))
    let prefix = regex.matchesPrefix(String(origin))
    require(!full || prefix, "full match without a prefix match: /\(shown(pattern))/ on \(shown(origin))")
    for finding in SloppyOriginRegexProbe.findings(for: regex) {
        require(regex.admits(finding.attackerOrigin, in: .newestKnown),
                "probe reported \(shown(finding.attackerOrigin)) which /\(shown(pattern))/ does not admit")
    }
    return 0
}
