import Foundation

/// A cross-origin `fetch()` a page makes, as the Fetch standard sees it.
public struct BrowserFetch: Hashable, Sendable {
    /// Fetch's credentials mode. `omit` and `same-origin` behave alike for a cross-origin request.
    public enum CredentialsMode: String, Hashable, Sendable, CaseIterable {
        case omit
        case sameOrigin = "same-origin"
        case include
    }

    /// The origin of the page that calls `fetch()` (becomes the `Origin` header).
    public var pageOrigin: String
    /// The request method, upper-case for the standard methods (as `fetch()` normalizes them).
    public var method: String
    /// Author request headers: name → value. A `nil` value means "unknown" and is treated as not
    /// CORS-safelisted (for `Content-Type`, anything but the three form/text types).
    public var headers: [String: String?]
    /// The credentials mode the page uses.
    public var credentials: CredentialsMode

    /// Creates a fetch description.
    public init(pageOrigin: String, method: String = "GET", headers: [String: String?] = [:], credentials: CredentialsMode = .sameOrigin) {
        self.pageOrigin = pageOrigin
        let upper = method.uppercased()
        self.method = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"].contains(upper) ? upper : method
        self.headers = headers
        self.credentials = credentials
    }

    /// GET, HEAD and POST need no preflight.
    public static let safelistedMethods: Set<String> = ["GET", "HEAD", "POST"]

    /// The lower-case names of the CORS-unsafe request headers, sorted — what a browser puts in
    /// `Access-Control-Request-Headers`.
    public var unsafeHeaderNames: [String] {
        var total = 0
        var unsafe: [String] = []
        for (name, value) in headers {
            let lower = name.lowercased()
            if let value, Self.isSafelisted(name: lower, value: value) {
                total += value.utf8.count
            } else {
                unsafe.append(lower)
            }
        }
        if total > 1024 {  // Fetch: safelisted values over 1024 bytes in total make them all unsafe.
            unsafe += headers.compactMap { name, value in value == nil ? nil : name.lowercased() }
        }
        return Array(Set(unsafe)).sorted()
    }

    /// A preflight is needed: a non-safelisted method or a CORS-unsafe header.
    public var needsPreflight: Bool {
        !Self.safelistedMethods.contains(method) || !unsafeHeaderNames.isEmpty
    }

    /// Fetch's "CORS-safelisted request-header" for the headers pages commonly set.
    static func isSafelisted(name: String, value: String) -> Bool {
        guard value.utf8.count <= 128 else { return false }
        switch name {
        case "accept":
            return !value.unicodeScalars.contains(where: isUnsafeByte)
        case "accept-language", "content-language":
            return value.unicodeScalars.allSatisfy { c in
                c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || " *,-.;=".unicodeScalars.contains(c))
            }
        case "content-type":
            guard !value.unicodeScalars.contains(where: isUnsafeByte) else { return false }
            let essence = value.split(separator: ";", maxSplits: 1).first.map {
                $0.trimmingWhitespaces.lowercased()
            } ?? ""
            return ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"].contains(essence)
        default:
            return false
        }
    }

    private static func isUnsafeByte(_ c: Unicode.Scalar) -> Bool {
        (c.value < 0x20 && c != "\t") || c.value == 0x7F || "\"():<>?@[\\]{}".unicodeScalars.contains(c)
    }
}
