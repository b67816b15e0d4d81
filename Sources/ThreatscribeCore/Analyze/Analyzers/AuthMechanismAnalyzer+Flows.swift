/// Facts about how a mechanism behaves as code does it: its cookie's attributes, whether a setting
/// switches it on, its OAuth login flow and its lockout.
extension AuthMechanismAnalyzer {
    static let flowFields = [
        FactField("cookie_secure", .bool, "The credential's cookie has `Secure`."),
        FactField("cookie_http_only", .bool, "The credential's cookie has `HttpOnly`."),
        FactField("cookie_same_site", .string, "The cookie's `SameSite`: `lax`, `strict` or `none`."),
        FactField("cookie_domain", .string, "The cookie's `Domain` attribute, when set."),
        FactField("enabled_by_setting", .string, "The setting that switches the mechanism on."),
        FactField("enabled_by_default", .bool, "The mechanism is on in the shipped default."),
        FactField("enabled", .bool, "The mechanism is on in this environment, as the model says (`enabled`)."),
        FactField("off_by_default_here", .bool, "The shipped default is off and the model does not say this environment switches it on."),
        FactField("oauth_described", .bool, "The model describes an OAuth/OIDC login flow (`oauth`)."),
        FactField("oauth_checks_state", .bool, "The callback checks `state`."),
        FactField("oauth_pkce", .bool, "The flow uses PKCE."),
        FactField("oauth_redirect_uri_from", .string, "`configured`, `request_url` or `client_parameter`."),
        FactField("oauth_redirect_uri_from_request", .bool, "The `redirect_uri` comes from the request (`request_url`) or the client (`client_parameter`)."),
        FactField("oauth_callback_path", .string, "The callback route."),
        FactField("lockout_after_failures", .int, "Failed attempts after which the account is locked or slowed down."),
    ]

    func setFlowFacts(on subject: inout FactSubject, mechanism: AuthMechanism, path: ModelPath) {
        if let cookie = mechanism.cookie {
            let cookiePath = path.appending("cookie")
            subject.set("cookie_secure", FactValue(cookie.secure), from: cookiePath.appending("secure"))
            subject.set("cookie_http_only", FactValue(cookie.httpOnly), from: cookiePath.appending("http_only"))
            subject.set("cookie_same_site", FactValue(cookie.sameSite?.rawValue), from: cookiePath.appending("same_site"))
            subject.set("cookie_domain", FactValue(cookie.domain), from: cookiePath.appending("domain"))
        }
        subject.set("enabled_by_setting", FactValue(mechanism.enabledBySetting), from: path.appending("enabled_by_setting"))
        subject.set("enabled_by_default", FactValue(mechanism.enabledByDefault), from: path.appending("enabled_by_default"))
        subject.set("enabled", FactValue(mechanism.enabled), from: path.appending("enabled"))
        subject.set("off_by_default_here", .bool(mechanism.enabledByDefault == false && mechanism.enabled != true), from: path.appending("enabled_by_default"),
                    shownAs: mechanism.enabledByDefault == false && mechanism.enabled == nil ? "true (shipped default off; this environment does not set `enabled: true`)" : nil)
        subject.set("oauth_described", .bool(mechanism.oauth != nil), from: path.appending("oauth"))
        if let oauth = mechanism.oauth {
            let oauthPath = path.appending("oauth")
            subject.set("oauth_checks_state", FactValue(oauth.checksState), from: oauthPath.appending("checks_state"))
            subject.set("oauth_pkce", FactValue(oauth.pkce), from: oauthPath.appending("pkce"))
            subject.set("oauth_redirect_uri_from", FactValue(oauth.redirectUriFrom?.rawValue), from: oauthPath.appending("redirect_uri_from"))
            subject.set("oauth_redirect_uri_from_request", oauth.redirectUriFrom.map { .bool($0 != .configured) } ?? .unknown,
                        from: oauthPath.appending("redirect_uri_from"))
            subject.set("oauth_callback_path", FactValue(oauth.callbackPath), from: oauthPath.appending("callback_path"))
        }
        subject.set("lockout_after_failures", FactValue(mechanism.lockoutAfterFailures), from: path.appending("lockout_after_failures"))
    }
}
