/// Whether a fetch of a client-supplied URL is guarded well enough against SSRF, and if not, why.
///
/// Only an allow-list of hosts, or a check of every resolved address, stops a caller from reaching
/// internal addresses; and only when redirects are not followed or each hop is checked again.
struct URLFetchGuard {
    var fetch: URLFetch?

    /// The guard as the model names it, `unspecified` when not described.
    var name: String { fetch?.guard?.rawValue ?? "unspecified" }

    /// The fetch cannot be pointed at internal addresses, directly or through a redirect.
    var isSufficient: Bool { gap == nil }

    /// Why the guard falls short, in one sentence; nil when it holds.
    var gap: String? {
        guard let fetch, let guardKind = fetch.guard else { return "the model does not describe a guard" }
        switch guardKind {
        case .none: return "nothing is checked before the fetch"
        case .schemeOnly: return "only the scheme is checked: `http://169.254.169.254/` passes"
        case .ipLiteralBlock: return "only literal IP addresses are refused: a DNS name that resolves to `127.0.0.1` or `169.254.169.254` passes"
        case .resolvedAddressCheck, .hostAllowlist:
            if fetch.followsRedirects == false || fetch.checksEveryRedirect == true { return nil }
            if fetch.followsRedirects == true { return "redirects are followed without checking each hop: an allowed host can redirect to an internal address" }
            return "the model does not say whether redirects are followed (`requests` follows them by default) or checked at each hop"
        }
    }
}
