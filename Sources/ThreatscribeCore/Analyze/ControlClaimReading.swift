/// Claims whose meaning decides the verdict from one model fact, rather than from the control's kind:
/// the subject the claim names (a WebSocket route rather than HTTP) and what it says of it (origins
/// without `*`, no `*` with credentials). Each verdict names the fact that decides it.
///
/// The reading is literal and narrow: a claim it does not recognise returns `nil` and is reviewed by
/// kind (`ControlReviewer`).
struct ControlClaimReading {
    var control: ClaimedControl
    /// The claim's environments, in model order.
    var environments: [ResolvedEnvironment]
    /// Every environment of the model: a claim about what happens when `*` is set is shown wherever it is set.
    var allEnvironments: [ResolvedEnvironment]
    var label: String

    /// The claim's name and text, lower-cased, to read what it is about.
    private var text: String { [control.name, control.claim].compactMap { $0 }.joined(separator: " ").lowercased() }

    /// A claim about WebSocket routes: its `covers` lie under `websockets`, or it names WebSockets.
    var isAboutWebSockets: Bool {
        if let covers = control.covers { return covers.allSatisfy { $0.hasPrefix("websockets") } }
        return text.contains("websocket")
    }

    /// The verdict, or `nil` when the claim is not one this reading decides.
    func review(findings: [Finding]) -> ControlReview? {
        guard (control.status ?? .implemented).claimsPresence else { return nil }
        if isAboutWebSockets && (text.contains("origin") || control.kind == "cors" || control.kind == "csrf") {
            return webSocketOriginReview(findings: findings)
        }
        if control.kind == "cors" && !isAboutWebSockets { return corsReview() }
        return nil
    }

    // MARK: WebSocket origin check

    /// Decided by each route's `checks_origin`: CORSMiddleware never checks a WebSocket handshake,
    /// since it passes every scope that is not `http` straight to the app (Starlette 0.x and 1.x).
    private func webSocketOriginReview(findings: [Finding]) -> ControlReview {
        let corsNote = "CORSMiddleware does not decide it: it passes WebSocket connections through unchecked (it handles only HTTP requests)"
        var routes: [(environment: String, index: Int, route: WebSocketRoute)] = []
        for environment in environments {
            for (index, route) in (environment.model.websockets ?? []).enumerated() where covers(index) {
                routes.append((environment.name, index, route))
            }
        }
        let related = findings.filter { $0.threatID.hasPrefix("TS-WS-") && $0.environments.contains { name in environments.contains { $0.name == name } } }.map(\.id)
        guard !routes.isEmpty else {
            return verdict(.unverifiable, "The model lists no WebSocket route for the claim, so the origin check cannot be checked; \(corsNote).", related: related)
        }
        let place = { (entry: (environment: String, index: Int, route: WebSocketRoute)) in
            "`websockets[\(entry.index)].checks_origin` of \(MarkdownEscaping.codeSpan(entry.route.path))\(self.environments.count > 1 ? " in \(MarkdownEscaping.inline(entry.environment))" : "")"
        }
        if let open = routes.first(where: { $0.route.checksOrigin == false }) {
            return verdict(.contradicted, "\(place(open)) is `false`: the handshake's Origin is not checked; \(corsNote).", related: related)
        }
        if let unknown = routes.first(where: { $0.route.checksOrigin == nil }) {
            return verdict(.unverifiable, "The model does not say whether \(MarkdownEscaping.codeSpan(unknown.route.path)) checks the handshake's Origin (\(place(unknown)) is not set); \(corsNote).", related: related)
        }
        let paths = Set(routes.map(\.route.path)).sorted().map { MarkdownEscaping.codeSpan($0) }.joined(separator: ", ")
        return verdict(.supported, "\(place(routes[0])) is `true`\(routes.count > 1 ? " (and for every other route: \(paths))" : ""): the route checks the handshake's Origin itself, which is what the claim needs, since \(corsNote). Checked against the model, not the running system.", related: related)
    }

    /// Whether `covers` (when given) includes `websockets[index]`.
    private func covers(_ index: Int) -> Bool {
        guard let covers = control.covers else { return true }
        return covers.contains { $0 == "websockets" || $0 == "websockets[\(index)]" || $0.hasPrefix("websockets[\(index)].") }
    }

    // MARK: CORS settings

    /// A CORS claim decided by the CORSMiddleware settings of each of the claim's environments: no `*`
    /// in `allow_origins` when it says so, never `*` together with credentials when it speaks of
    /// credentials. `nil` for any other CORS claim.
    private func corsReview() -> ControlReview? {
        let namesWildcard = ["wildcard", "\"*\"", "`*`", "'*'"].contains { text.contains($0) }
        // "credentials … when \"*\" …": what `*` does to credentials; "no wildcards": that origins have no `*`.
        let speaksOfCredentials = text.contains("credential") && namesWildcard
        let speaksOfWildcard = ["no wildcard", "without wildcard", "no \"*\"", "never \"*\"", "no `*`"].contains { text.contains($0) }
        guard speaksOfCredentials || speaksOfWildcard else { return nil }
        typealias Settings = (environment: String, origins: [String], credentials: Bool)
        func settings(in environments: [ResolvedEnvironment]) -> [Settings] {
            environments.compactMap { environment in
                (environment.model.middleware ?? []).first { $0.type == .cors }.map { (environment.name, $0.allowOrigins ?? [], $0.allowCredentials ?? false) }
            }
        }
        let describe = { (entry: Settings, named: Bool) -> String in
            let origins = "[" + entry.origins.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
            let name = named ? MarkdownEscaping.inline(entry.environment) + ": " : ""
            return name + MarkdownEscaping.codeSpan("allow_origins=\(origins)") + ", `allow_credentials=\(entry.credentials ? "True" : "False")`"
        }
        if speaksOfCredentials {
            // Starlette accepts `*` with credentials (1.x reflects any origin with them; 0.x on requests
            // with a Cookie): only the app's own settings can keep them apart.
            let wildcards = settings(in: allEnvironments).filter { $0.origins.contains("*") }
            if let both = wildcards.first(where: { $0.credentials }) {
                return verdict(.contradicted, "\(describe(both, true)): `*` together with credentials, which Starlette does not refuse (1.x then lets any origin read responses with credentials).", related: [])
            }
            guard !wildcards.isEmpty else {
                return verdict(.unverifiable, "No environment of the model sets `*` in `allow_origins`, so the model does not show what the app does then; note that Starlette itself does not turn credentials off for `*`.", related: [])
            }
            return verdict(.supported, "Where the model sets `*`, credentials are off: \(wildcards.map { describe($0, true) }.joined(separator: "; ")). The app does this itself; Starlette would accept `*` with credentials. Checked against the model, not the running system.", related: [])
        }
        let claimed = settings(in: environments)
        guard claimed.count == environments.count, !claimed.isEmpty else {
            return verdict(.unverifiable, "The model registers no CORSMiddleware in every environment of the claim, so the claim cannot be checked.", related: [])
        }
        let named = environments.count > 1
        if let wildcard = claimed.first(where: { $0.origins.contains("*") }) {
            return verdict(.contradicted, "\(describe(wildcard, named)): `allow_origins` contains `*`.", related: [])
        }
        return verdict(.supported, "`allow_origins` lists explicit origins only: \(claimed.map { describe($0, named) }.joined(separator: "; ")). Checked against the model, not the running system.", related: [])
    }

    private func verdict(_ verdict: ControlReview.Verdict, _ reason: String, related: [String]) -> ControlReview {
        ControlReview(control: label, claim: control.claim, verdict: verdict, reason: reason, relatedFindings: related)
    }
}
