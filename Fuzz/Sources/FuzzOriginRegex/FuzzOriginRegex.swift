import Foundation
import FuzzSupport
import ThreatscribeCore

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
