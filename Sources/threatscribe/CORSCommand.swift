import ArgumentParser
import Foundation
import ThreatscribeCore

/// `threatscribe cors …`: what Starlette's CORSMiddleware answers and what a browser then allows.
struct CORSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cors",
        abstract: "Evaluate Starlette CORSMiddleware configurations.",
        subcommands: [Check.self]
    )

    /// Where the CORSMiddleware configuration comes from. A later `MODEL --env ENV` source (the
    /// configuration of one environment in a model file) plugs in here.
    enum ConfigurationSource {
        /// CORSMiddleware kwargs as a JSON object, inline or in a file.
        case keywordArgumentsJSON(String)
        /// Starlette's defaults (`CORSMiddleware(app)`).
        case defaults
        /// The first CORSMiddleware of one environment of a model file.
        case model(ModelCORSSource)

        func resolve() throws -> CORSConfiguration {
            switch self {
            case .defaults:
                return CORSConfiguration()
            case .model(let source):
                return source.configuration ?? CORSConfiguration()
            case let .keywordArgumentsJSON(text):
                var json = text
                if !text.trimmingCharacters(in: .whitespaces).hasPrefix("{") {
                    do {
                        json = try InputFiles.text(at: text)
                    } catch {
                        let reason = error.diagnostics.map(\.message).joined(separator: "; ")
                        throw CORSConfigurationError.invalidValue(key: "--config", expected: "a JSON object or the path of a file holding one (\(reason))")
                    }
                }
                return try CORSConfiguration(json: Data(json.utf8))
            }
        }
    }

    /// `threatscribe cors check`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Show Starlette's response to one request and the browser's verdict.",
            discussion: """
                --config takes CORSMiddleware's own kwargs, e.g. '{"allow_origins": ["*"], "allow_credentials": true}' \
                (or a path to a JSON file). The modelled app is a GET/POST route answering 200; other methods get 405.
                --request-header takes NAME or 'NAME: VALUE' (a value decides whether e.g. Content-Type is CORS-safelisted).
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "A model file; its CORSMiddleware (and Starlette version) are used unless --config is given.")
        var model: String?

        @Option(name: .customLong("env"), help: "The model environment whose configuration to use (default: the only one, else `production`).")
        var environment: String?

        @Option(help: "CORSMiddleware kwargs as JSON (or a JSON file path); default: the model's, else Starlette's defaults.")
        var config: String?

        static let maxOriginLength = 2048

        @Option(help: "The page origin sending the request (the Origin header).")
        var origin: String

        @Option(help: "Request method; with --preflight, the Access-Control-Request-Method.")
        var method: String = "GET"

        @Option(name: .customLong("request-header"), help: "A request header the page sets: NAME or 'NAME: VALUE'. Repeatable.")
        var requestHeaders: [String] = []

        @Flag(help: "The browser sends cookies (credentials: \"include\" with a cookie for the API).")
        var cookie = false

        @Flag(help: "Show the preflight (OPTIONS) response instead of the actual request's.")
        var preflight = false

        @Option(name: .customLong("starlette-version"), help: "Starlette version to model: a version (1.10.0), a locked one ('0.46.2 (uv.lock:812)') or a range ('>=0.40,<0.47'); default: the model's, else \(StarletteVersion.newestKnown). The version used and why are printed.")
        var starletteVersion: String?

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        func run() throws {
            let evaluator: CORSEvaluator
            let headers: [String: String?]
            let version: AssumedStarletteVersion
            let modelSource: ModelCORSSource? = try model.map { path in
                try exitingOnBadInput { () throws(DiagnosticList) in try ModelCORSSource.load(path: path, environment: environment) }
            }
            if config == nil, let modelSource, modelSource.configuration == nil {
                try printWithoutMiddleware(environment: modelSource.environment)
                return
            }
            do {
                let assumed: AssumedStarletteVersion
                if let starletteVersion {
                    guard let parsed = AssumedStarletteVersion(starletteVersion, writtenAt: "--starlette-version") else {
                        throw CORSCheckInputError("--starlette-version \(starletteVersion) must be \(VersionRequirement.formsHelp)")
                    }
                    assumed = parsed
                } else if let modelSource {
                    // The model was validated, so its text parses; a model without one assumes the newest, and says so.
                    assumed = AssumedStarletteVersion(modelSource.starletteVersion, writtenAt: "frameworks.starlette")
                        ?? AssumedStarletteVersion(nil, writtenAt: "frameworks.starlette")!
                } else {
                    assumed = AssumedStarletteVersion(version: .newestKnown, reason: "assumed: neither --starlette-version nor a model names one, so the newest release threatscribe models", isStated: false)
                }
                version = assumed
                let version = assumed.version
                guard !method.isEmpty, method.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-" || $0 == "_") }) else {
                    throw CORSCheckInputError("--method \(method) is not an HTTP method name")
                }
                // Real origins are a scheme, a host of at most 253 characters and a port.
                guard origin.unicodeScalars.count <= Self.maxOriginLength else {
                    throw CORSCheckInputError("--origin is \(origin.unicodeScalars.count) characters long; threatscribe refuses to evaluate an origin longer than \(Self.maxOriginLength)")
                }
                headers = try Self.parseHeaders(requestHeaders)
                let source: ConfigurationSource = config.map { .keywordArgumentsJSON($0) } ?? modelSource.map { .model($0) } ?? .defaults
                evaluator = try CORSEvaluator(configuration: try source.resolve(), version: version)
            } catch let error as CORSConfigurationError {
                printError(error.description)
                throw ExitCode(2)
            } catch let error as CORSCheckInputError {
                printError(error.message)
                throw ExitCode(2)
            }

            let fetch = BrowserFetch(pageOrigin: origin, method: method, headers: headers, credentials: cookie ? .include : .sameOrigin)
            let verdict = CORSBrowserVerdict(fetch: fetch, evaluator: evaluator)
            let request = preflight
                ? CORSRequest(
                    method: "OPTIONS", origin: origin, accessControlRequestMethod: fetch.method,
                    accessControlRequestHeaders: fetch.unsafeHeaderNames.isEmpty ? nil : fetch.unsafeHeaderNames.joined(separator: ","))
                : CORSRequest(method: fetch.method, origin: origin, hasCookie: cookie)
            let response = evaluator.response(to: request)
            switch format {
            case .json: print(TerminalText.inertJSON(Self.json(response, verdict, version: version)))
            case .text: print(Self.text(request, response, verdict, version: version))
            }
        }

        /// The answer when the environment registers no CORSMiddleware: the app answers as usual and no
        /// response carries a CORS header, so a browser lets no other origin read it.
        func printWithoutMiddleware(environment: String) throws {
            let headers: [String: String?]
            do { headers = try Self.parseHeaders(requestHeaders) } catch let error as CORSCheckInputError {
                printError(error.message)
                throw ExitCode(2)
            }
            let fetch = BrowserFetch(pageOrigin: origin, method: method, headers: headers, credentials: cookie ? .include : .sameOrigin)
            let request = preflight
                ? CORSRequest(method: "OPTIONS", origin: origin, accessControlRequestMethod: fetch.method)
                : CORSRequest(method: fetch.method, origin: origin, hasCookie: cookie)
            let response = CORSEvaluator.responseWithoutMiddleware(to: request)
            let reason = "Environment `\(environment)` registers no CORSMiddleware: no response carries Access-Control-Allow-Origin, so a browser lets no other origin read it"
                + (fetch.needsPreflight ? " and the preflight fails." : "; the request itself still reaches the handler.")
            switch format {
            case .json:
                let object: [String: Any] = [
                    "status": response.status, "handler_runs": response.handlerRuns, "body": response.body, "headers": [String: String](),
                    "cors_middleware": false,
                    "browser": ["can_read": false, "can_read_with_credentials": false, "preflight_ok": !fetch.needsPreflight,
                                "needs_preflight": fetch.needsPreflight, "reason": reason] as [String: Any],
                ]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
                print(TerminalText.inertJSON(String(decoding: data, as: UTF8.self)))
            case .text:
                let lines = [
                    "Request: \(request.method) / from \(origin)\(preflight ? ", Access-Control-Request-Method: \(fetch.method)" : "")",
                    "HTTP \(response.status)\(response.handlerRuns ? " (the handler runs)" : ""), no CORS headers",
                    "Browser: can read: no; can read with credentials: no\(fetch.needsPreflight ? "; preflight fails" : "")",
                    "Why: \(reason)",
                ]
                print(lines.map { TerminalText.escaped($0) }.joined(separator: "\n"))
            }
        }

        static func parseHeaders(_ raw: [String]) throws -> [String: String?] {
            var headers: [String: String?] = [:]
            for item in raw {
                let parts = item.split(separator: ":", maxSplits: 1)
                let name = parts.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) }) else {
                    throw CORSCheckInputError("--request-header \(item.debugDescription) is not NAME or 'NAME: VALUE'")
                }
                headers[name] = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : String?.none
            }
            return headers
        }

        static func json(_ response: CORSResponse, _ verdict: CORSBrowserVerdict, version: AssumedStarletteVersion) -> String {
            let object: [String: Any] = [
                "starlette_version": version.version.description,
                "starlette_version_basis": version.reason,
                "status": response.status,
                "handler_runs": response.handlerRuns,
                "body": response.body,
                "headers": response.headers,
                "browser": [
                    "can_read": verdict.canRead,
                    "can_read_with_credentials": verdict.canReadWithCredentials,
                    "preflight_ok": verdict.isPreflightOK,
                    "needs_preflight": verdict.needsPreflight,
                    "refused_headers": verdict.outcome.refusedHeaders,
                    "reason": verdict.outcome.reason,
                ] as [String: Any],
            ]
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        }

        static func text(_ request: CORSRequest, _ response: CORSResponse, _ verdict: CORSBrowserVerdict, version: AssumedStarletteVersion) -> String {
            var lines: [String] = []
            var requestLine = "\(request.method) / from \(request.origin ?? "-")"
            if let acrm = request.accessControlRequestMethod { requestLine += ", Access-Control-Request-Method: \(acrm)" }
            if let acrh = request.accessControlRequestHeaders { requestLine += ", Access-Control-Request-Headers: \(acrh)" }
            if request.hasCookie { requestLine += ", with Cookie" }
            lines.append("Starlette \(version.version): \(version.reason)")
            lines.append("Request: \(requestLine)")
            let who = response.isPreflightResponse ? "answered by CORSMiddleware; the handler does not run"
                : (response.handlerRuns ? "the handler runs" : "the handler does not run")
            lines.append("HTTP \(response.status) (\(who))")
            for (name, value) in response.orderedHeaders { lines.append("\(name): \(value)") }
            if response.isPreflightResponse || response.status >= 400 { lines.append("body: \(response.body)") }
            lines.append("")
            let yesNo = { (b: Bool) in b ? "yes" : "no" }
            let preflightText = verdict.needsPreflight ? (verdict.isPreflightOK ? "passes" : "fails") : "not needed"
            lines.append("Browser: preflight \(preflightText); can read: \(yesNo(verdict.canRead)); can read with credentials: \(yesNo(verdict.canReadWithCredentials))")
            if !verdict.outcome.refusedHeaders.isEmpty {
                lines.append("Refused request headers: \(verdict.outcome.refusedHeaders.joined(separator: ", "))")
            }
            lines.append("Why: \(verdict.outcome.reason)")
            return lines.map { TerminalText.escaped($0) }.joined(separator: "\n")
        }
    }
}

/// A bad command-line value for `cors check` (exit code 2).
struct CORSCheckInputError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
