/// Whether a field *name* (`hashed_password`, `apiKey`, `card_number`) looks like it holds a
/// credential or payment secret. Names are split into words and only the last word (or last two)
/// counts, so `author`, `password_changed_at` and `token_type` are not sensitive. Tokens and
/// personal data (`access_token`, `email`) are left out on purpose: a login returns a token and
/// `/users/me` returns an e-mail address by design, and marking them would report both.
enum SensitiveFieldName {
    static let lastWords: Set<String> = ["password", "passwd", "passphrase", "secret", "apikey", "ssn", "iban", "otp", "totp", "cvv", "cvc"]
    static let lastPairs: Set<[String]> = [["api", "key"], ["private", "key"], ["card", "number"], ["access", "key"], ["secret", "key"]]

    static func isSensitive(_ name: String) -> Bool {
        let parts = words(of: name)
        guard let last = parts.last else { return false }
        return lastWords.contains(last) || parts.count >= 2 && lastPairs.contains(Array(parts.suffix(2)))
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
