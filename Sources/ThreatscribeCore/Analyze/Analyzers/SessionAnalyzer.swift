/// Facts about each Starlette `SessionMiddleware` (scope `session`).
///
/// Starlette's session is a cookie holding `base64(JSON).timestamp.signature` (itsdangerous
/// `TimestampSigner`): signed, not encrypted, and not stored server-side. Defaults: cookie `session`,
/// `max_age=1209600` (14 days), `same_site="lax"`, `https_only=False`; `HttpOnly` is always set.
struct SessionAnalyzer: Analyzer {
    static let defaultMaxAge = 1_209_600

    let scopes = [FactScope("session", "A Starlette SessionMiddleware.", fields: [
        FactField("cookie_name", .string, "The session cookie's name (default `session`)."),
        FactField("https_only", .bool, "The cookie carries `Secure` (`https_only=True`; Starlette default False)."),
        FactField("max_age", .int, "Cookie and signature lifetime in seconds (Starlette default 1209600, 14 days)."),
        FactField("max_age_days", .int, "`max_age` in whole days."),
        FactField("same_site", .string, "The cookie's SameSite value (default `lax`)."),
        FactField("secret_source", .string, "Where the signing key comes from: `literal`, `environment`, `platform_secret`, `secret_manager`, `file`."),
        FactField("contents", .list, "The keys the code stores in the session."),
        FactField("used_for_auth", .bool, "The session authenticates users: an auth mechanism of type `session_cookie` exists."),
        FactField("auth_revocable", .bool, "The `session_cookie` auth mechanism's `revocable` (a server-side session record or version is checked)."),
        FactField("domain", .string, "The cookie's Domain attribute."),
    ])]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let model = context.model
        let sessionAuth = (model.auth ?? []).firstIndex { $0.type == .sessionCookie }
        let authBySession = sessionAuth != nil
        return (model.middleware ?? []).enumerated().compactMap { index, middleware in
            guard middleware.type == .session else { return nil }
            let path = ModelPath("middleware").appending(index)
            var subject = FactSubject(scope: "session", path: path, name: middleware.name ?? "SessionMiddleware", component: Component.middleware)
            subject.set("cookie_name", .string(middleware.sessionCookie ?? "session"), from: path.appending("session_cookie"),
                        shownAs: middleware.sessionCookie == nil ? "(not set: Starlette default \"session\")" : nil)
            subject.set("https_only", .bool(middleware.httpsOnly ?? false), from: path.appending("https_only"),
                        shownAs: middleware.httpsOnly == nil ? "(not set: Starlette default False, no Secure flag)" : nil)
            let maxAge = middleware.sessionMaxAge ?? Self.defaultMaxAge
            subject.set("max_age", .int(maxAge), from: path.appending("session_max_age"),
                        shownAs: middleware.sessionMaxAge == nil ? "(not set: Starlette default 1209600 s, 14 days)" : nil)
            subject.set("max_age_days", .int(maxAge / 86_400), from: path.appending("session_max_age"))
            subject.set("same_site", .string(middleware.sameSite ?? "lax"), from: path.appending("same_site"),
                        shownAs: middleware.sameSite == nil ? "(not set: Starlette default \"lax\")" : nil)
            subject.set("secret_source", FactValue(middleware.secretKeySource?.rawValue), from: path.appending("secret_key_source"))
            subject.set("contents", FactValue(middleware.sessionContents), from: path.appending("session_contents"))
            subject.set("used_for_auth", .bool(authBySession), from: "auth")
            subject.set("domain", FactValue(middleware.domain), from: path.appending("domain"))
            if let sessionAuth {
                subject.set("auth_revocable", FactValue(model.auth?[sessionAuth].revocable),
                            from: ModelPath("auth").appending(sessionAuth).appending("revocable"))
            }
            return subject
        }
    }
}
