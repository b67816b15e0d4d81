/// Chapter names as the standards reference writes them: ASVS 5.0.0's from
/// `Catalog/reference/asvs50.csv` (a verbatim copy of the OWASP ASVS 5.0.0 CSV export, CC BY-SA 4.0).
/// ASVS 4.0.3's export and the NIST control list name no chapters, so those chapters show their id only.
enum StandardChapters {
    static func names(for standard: ComplianceStandard, in store: ResourceStore) -> [String: String] {
        guard standard == .asvs5, let text = store["Catalog/reference/asvs50.csv"] else { return [:] }
        var names: [String: String] = [:]
        for record in RFC4180.records(in: text).dropFirst() where record.count >= 2 && !record[1].isEmpty {
            names[record[0]] = record[1]
        }
        return names
    }
}

/// Reads RFC 4180 CSV text (quoted fields, doubled quotes, CRLF or LF line ends) into records.
enum RFC4180 {
    static func records(in text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, afterQuote = false
        for scalar in text.unicodeScalars {
            if quoted {
                if scalar == "\"" { quoted = false; afterQuote = true } else { field.unicodeScalars.append(scalar) }
                continue
            }
            switch scalar {
            case "\"":
                if afterQuote { field.append("\"") }
                quoted = true
                afterQuote = false
            case ",":
                record.append(field); field = ""; afterQuote = false
            case "\r":
                afterQuote = false
            case "\n":
                record.append(field); records.append(record); record = []; field = ""; afterQuote = false
            default:
                field.unicodeScalars.append(scalar); afterQuote = false
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
