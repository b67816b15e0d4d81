/// Hosting domains on the Public Suffix List's private section (https://publicsuffix.org/list/):
/// anyone can get a subdomain of them, and browsers treat each subdomain as its own site.
enum HostingSuffix {
    static let known = [
        "vercel.app", "netlify.app", "herokuapp.com", "github.io", "pages.dev", "fly.dev", "onrender.com",
        "azurewebsites.net", "cloudfront.net", "appspot.com", "web.app", "firebaseapp.com", "amplifyapp.com",
    ]

    /// The known hosting suffix `host` lies under, if any.
    static func suffix(of host: String) -> String? {
        let host = host.lowercased()
        return known.first { host.hasSuffix("." + $0) }
    }

    /// The host of an origin `scheme://host[:port]`.
    static func host(ofOrigin origin: String) -> String? {
        guard let start = origin.range(of: "://") else { return nil }
        let authority = origin[start.upperBound...].prefix { $0 != "/" }
        if authority.hasPrefix("[") { return String(authority.prefix { $0 != "]" }) + "]" }
        return String(authority.prefix { $0 != ":" }).lowercased()
    }

    /// The registrable domain ("site") of `host` when it can be told without the full list: a hosting
    /// suffix plus one label, else the last two labels of a name under a generic top-level domain.
    /// `nil` for IP addresses, single labels and country-code domains (whose second level may be a suffix).
    static func site(of host: String) -> String? {
        let labels = host.lowercased().split(separator: ".").map(String.init)
        guard labels.count >= 2, labels.last?.allSatisfy(\.isLetter) == true else { return nil }
        if let suffix = suffix(of: host) {
            let count = suffix.split(separator: ".").count + 1
            return labels.count >= count ? labels.suffix(count).joined(separator: ".") : nil
        }
        guard let top = labels.last, top.count > 2 else { return nil }
        return labels.suffix(2).joined(separator: ".")
    }
}
