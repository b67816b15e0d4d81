/// Whether a field *name* (`hashed_password`, `apiKey`, `card_number`) looks like it holds
/// credentials or personal data. Names are split into words first, so `author` is not `auth`.
enum SensitiveFieldName {
    static let words: Set<String> = [
        "password", "passwd", "pwd", "passphrase", "secret", "token", "credential", "credentials", "apikey", "ssn", "iban",
        "otp", "totp", "cvv", "cvc", "email", "phone", "salt", "pin",
    ]
    static let pairs: [(String, String)] = [("api", "key"), ("private", "key"), ("card", "number"), ("credit", "card"), ("access", "key")]

    static func isSensitive(_ name: String) -> Bool {
        let parts = words(of: name)
        if parts.contains(where: words.contains) { return true }
        return pairs.contains { pair in zip(parts, parts.dropFirst()).contains { $0 == pair.0 && $1 == pair.1 } }
    }

    /// `hashedPassword2` → `hashed`, `password`; `X-API-Key` → `x`, `api`, `key`.
    static func words(of name: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previousLower = false
        for character in name {
            if character.isLetter {
                if character.isUppercase && previousLower && !current.isEmpty {
                    result.append(current)
                    current = ""
                }
                current.append(Character(character.lowercased()))
                previousLower = character.isLowercase
            } else {
                if !current.isEmpty { result.append(current) }
                current = ""
                previousLower = false
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
