/// The Starlette release an analysis models, and why: never silently the newest.
public struct AssumedStarletteVersion: Sendable, Equatable, CustomStringConvertible {
    public var version: StarletteVersion
    /// One sentence: where the version comes from, e.g. "resolved by uv.lock:812".
    public var reason: String
    /// The input names exactly this version (resolved or locked), not a range or nothing.
    public var isStated: Bool

    /// The releases the CORS engine models and conformance checks, newest first.
    public static let modelled: [StarletteVersion] = [.newestKnown, .newestZeroX]

    /// The version assumed for `text` (a `VersionRequirement`), written at `place`
    /// (`frameworks.starlette`, `--starlette-version`); `nil` text means the input names none.
    /// Returns `nil` when `text` is not a version, a locked version or a range.
    public init?(_ text: String?, writtenAt place: String) {
        guard let text else {
            self.init(version: .newestKnown, reason: "assumed: the model names no Starlette version, so the newest release threatscribe models", isStated: false)
            return
        }
        guard let requirement = VersionRequirement(text) else { return nil }
        switch requirement.form {
        case .resolved(let version):
            guard let starlette = StarletteVersion(version.description) else { return nil }
            self.init(version: starlette, reason: "as \(place) states", isStated: true)
        case .locked(let version, let lockFile):
            guard let starlette = StarletteVersion(version.description) else { return nil }
            self.init(version: starlette, reason: "resolved by \(lockFile), as \(place) states", isStated: true)
        case .range(let range):
            let note = "\(place) gives the range `\(text)`, not a resolved version"
            if let newest = Self.modelled.first(where: { range.contains(PackageVersion($0.description) ?? PackageVersion([0])) }) {
                self.init(version: newest, reason: "assumed: \(note); \(newest) is the newest release it allows that threatscribe models (an install without a lock file gets the newest allowed)", isStated: false)
            } else if let lower = range.lowerBound, lower.inclusive, let starlette = StarletteVersion(lower.version.description) {
                self.init(version: starlette, reason: "assumed: \(note); \(starlette) is its lower bound (threatscribe models no newer release it allows)", isStated: false)
            } else {
                self.init(version: .newestKnown, reason: "assumed: \(note), and it allows no release threatscribe can name; \(StarletteVersion.newestKnown) lies outside it — write the resolved version", isStated: false)
            }
        }
    }

    public init(version: StarletteVersion, reason: String, isStated: Bool) {
        self.version = version
        self.reason = reason
        self.isStated = isStated
    }

    /// `1.10.0 (resolved by uv.lock:812, as frameworks.starlette states)`.
    public var description: String { "\(version) (\(reason))" }
}
