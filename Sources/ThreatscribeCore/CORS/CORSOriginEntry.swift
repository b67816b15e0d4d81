/// What one `allow_origins` entry denotes, as browsers serialize origins (`scheme://host[:port]`,
/// lower-case, no default port, no path).
public enum CORSOriginEntry: Hashable, Sendable {
    /// Why an entry can never equal a browser's `Origin` header.
    public enum UnmatchableReason: String, Hashable, Sendable {
        case trailingSlash = "trailing-slash"
        case upperCase = "upper-case"
        case path
        case glob
        case missingScheme = "missing-scheme"
        case defaultPort = "default-port"
    }

    /// Where the entry's host lives.
    public enum HostKind: String, Hashable, Sendable {
        case publicHost = "public"
        case loopback
        /// `0.0.0.0`: one literal origin (a page loaded from that address), not "all interfaces".
        case unspecifiedAddress = "unspecified-address"
        /// RFC 1918, link-local, unique-local IPv6 or `.local`.
        case privateNetwork = "private-network"
    }

    case wildcard
    case null
    case unmatchable(UnmatchableReason, suggestion: String?)
    /// A well-formed origin.
    case origin(scheme: String, host: String, port: Int?, hostKind: HostKind)

    /// Classifies `entry`.
    public init(_ entry: String) {
        if entry == "*" { self = .wildcard; return }
        if entry == "null" { self = .null; return }
        guard let schemeEnd = entry.range(of: "://") else {
            self = .unmatchable(.missingScheme, suggestion: entry.contains("*") ? nil : "https://" + entry.lowercased())
            return
        }
        let scheme = String(entry[..<schemeEnd.lowerBound])
        var rest = String(entry[schemeEnd.upperBound...])
        if entry.contains("*") { self = .unmatchable(.glob, suggestion: nil); return }
        if let slash = rest.firstIndex(of: "/") {
            let path = rest[slash...]
            self = path == "/" ? .unmatchable(.trailingSlash, suggestion: String(entry.dropLast()))
                : .unmatchable(.path, suggestion: scheme + "://" + rest[..<slash])
            return
        }
        if entry != entry.lowercased() {
            self = .unmatchable(.upperCase, suggestion: entry.lowercased())
            return
        }
        var port: Int? = nil
        if rest.hasPrefix("[") {  // IPv6 literal
            if let close = rest.firstIndex(of: "]") {
                let after = rest[rest.index(after: close)...]
                if after.hasPrefix(":") { port = Int(after.dropFirst()) }
                rest = String(rest[...close])
            }
        } else if let colon = rest.lastIndex(of: ":") {
            port = Int(rest[rest.index(after: colon)...])
            rest = String(rest[..<colon])
        }
        if let port, (scheme == "https" && port == 443) || (scheme == "http" && port == 80) {
            self = .unmatchable(.defaultPort, suggestion: "\(scheme)://\(rest)")
            return
        }
        self = .origin(scheme: scheme, host: rest, port: port, hostKind: Self.hostKind(rest))
    }

    static func hostKind(_ host: String) -> HostKind {
        let h = host.lowercased()
        if h == "localhost" || h.hasSuffix(".localhost") || h == "[::1]" || h.hasPrefix("127.") { return .loopback }
        if h == "0.0.0.0" || h == "[::]" { return .unspecifiedAddress }
        if h.hasSuffix(".local") || h.hasPrefix("[fe80:") || h.hasPrefix("[fc") || h.hasPrefix("[fd") { return .privateNetwork }
        let octets = h.split(separator: ".").compactMap { Int($0) }
        if octets.count == 4 {
            switch (octets[0], octets[1]) {
            case (10, _), (192, 168), (169, 254): return .privateNetwork
            case (172, 16...31): return .privateNetwork
            default: break
            }
        }
        return .publicHost
    }
}
