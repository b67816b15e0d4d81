/// A standard the compliance matrix can be written for; every id and text comes from
/// `Catalog/reference/` (a copy of the project's standards reference), never from code.
public enum ComplianceStandard: String, CaseIterable, Sendable {
    case asvs5 = "asvs-5.0"
    case asvs4 = "asvs-4.0.3"
    case owaspAPI2023 = "owasp-api-2023"
    case nist80053 = "nist-800-53"

    /// The standard's name as its publisher writes it.
    public var title: String {
        switch self {
        case .asvs5: "OWASP Application Security Verification Standard 5.0.0"
        case .asvs4: "OWASP Application Security Verification Standard 4.0.3"
        case .owaspAPI2023: "OWASP API Security Top 10 2023"
        case .nist80053: "NIST SP 800-53 Rev. 5"
        }
    }

    /// What one item of the standard is called.
    var itemName: String {
        switch self {
        case .asvs5, .asvs4: "requirement"
        case .owaspAPI2023: "risk"
        case .nist80053: "control"
        }
    }

    /// The ids a catalog entry cites for this standard (`v5.0.0-3.4.2`, `API8:2023`, `AC-4`).
    func ids(of entry: CatalogEntry) -> [String] {
        switch self {
        case .asvs5: entry.asvs5
        case .asvs4: entry.asvs4
        case .owaspAPI2023: entry.owaspAPI2023
        case .nist80053: entry.nist80053
        }
    }

    /// The ids a finding carries for this standard.
    func ids(of finding: Finding) -> [String] {
        switch self {
        case .asvs5: finding.asvs5
        case .asvs4: finding.asvs4
        case .owaspAPI2023: finding.owaspAPI2023
        case .nist80053: finding.nist80053
        }
    }

    /// The reference text of `id` (requirement text, risk title or control name), `nil` when the reference lacks it.
    func text(of id: String, in reference: StandardsReference) -> String? {
        switch self {
        case .asvs5: reference.asvs5[id]
        case .asvs4: reference.asvs4[id]
        case .owaspAPI2023: reference.owaspAPI2023[id]
        case .nist80053: reference.nist80053[id]
        }
    }

    /// The chapter an id belongs to: `V3` for `v5.0.0-3.4.2`, `AC` for `AC-4(1)`; the Top 10 has one list.
    func chapter(of id: String) -> String {
        switch self {
        case .asvs5, .asvs4:
            let number = id.split(separator: "-").last.map { $0.split(separator: ".").first.map(String.init) ?? "" } ?? ""
            return "V" + number
        case .owaspAPI2023:
            return "API Security Top 10 2023"
        case .nist80053:
            return String(id.prefix { $0 != "-" })
        }
    }

    /// Sorts ids in the standard's own order (numeric parts compared as numbers).
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let left = numericKey(lhs), right = numericKey(rhs)
        return left == right ? lhs < rhs : left.lexicographicallyPrecedes(right) { a, b in
            switch (a, b) {
            case let (.number(x), .number(y)): x < y
            case let (.text(x), .text(y)): x < y
            case (.text, .number): true
            case (.number, .text): false
            }
        }
    }

    private enum KeyPart: Equatable { case number(Int), text(String) }

    private static func numericKey(_ id: String) -> [KeyPart] {
        var parts: [KeyPart] = [], digits = "", letters = ""
        func flush() {
            if !digits.isEmpty { parts.append(.number(Int(digits) ?? 0)); digits = "" }
            if !letters.isEmpty { parts.append(.text(letters)); letters = "" }
        }
        // The version prefix `v5.0.0-` is the same for every id of a standard; skip it.
        let body = id.hasPrefix("v") ? String(id.drop { $0 != "-" }.dropFirst()) : id
        for character in body {
            if character.isASCII, character.isNumber {
                if !letters.isEmpty { flush() }
                digits.append(character)
            } else if character.isLetter {
                if !digits.isEmpty { flush() }
                letters.append(character)
            } else {
                flush()
            }
        }
        flush()
        return parts
    }
}
