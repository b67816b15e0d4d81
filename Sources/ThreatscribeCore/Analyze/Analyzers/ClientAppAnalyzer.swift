import Foundation

/// Facts about each client of the API that the model lists (scope `client_app`).
struct ClientAppAnalyzer: Analyzer {
    let scopes = [FactScope("client_app", "A client of the API: a browser SPA, a mobile app, another service.", fields: [
        FactField("id", .string, "The client's id."),
        FactField("name", .string, "The display name (the id when not given)."),
        FactField("type", .string, "`browser_spa`, `mobile_app`, `service`, … as the model says."),
        FactField("origin", .string, "The web origin it runs on."),
        FactField("origin_scheme", .string, "The origin's scheme (`https`, `http`, `app`, `tauri`, `capacitor`, …)."),
        FactField("origin_https", .bool, "A web origin (`http`/`https`) that uses `https`; unknown for app schemes such as `app://` (Electron) or `tauri://`, which are not plain HTTP."),
        FactField("local_origin", .bool, "The origin's host is `localhost`, `127.0.0.1` or `[::1]`."),
        FactField("trusted", .bool, "The team controls it."),
    ])]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        (context.model.clients ?? []).enumerated().map { index, client in
            let path = ModelPath("clients").appending(index)
            let name = client.name ?? client.id
            var subject = FactSubject(scope: "client_app", path: path, name: name, component: Component.dataFlow)
            subject.set("id", .string(client.id), from: path.appending("id"))
            subject.set("name", .string(name), from: path.appending(client.name == nil ? "id" : "name"))
            subject.set("type", FactValue(client.type), from: path.appending("type"))
            subject.set("origin", FactValue(client.origin), from: path.appending("origin"))
            if let origin = client.origin, let url = URL(string: origin), let scheme = url.scheme {
                let lowered = scheme.lowercased()
                subject.set("origin_scheme", .string(lowered), from: path.appending("origin"))
                if ["http", "https"].contains(lowered) {
                    subject.set("origin_https", .bool(lowered == "https"), from: path.appending("origin"))
                }
                let host = url.host?.lowercased() ?? ""
                subject.set("local_origin", .bool(["localhost", "127.0.0.1", "::1", "[::1]"].contains(host)), from: path.appending("origin"))
            }
            subject.set("trusted", FactValue(client.trusted), from: path.appending("trusted"))
            return subject
        }
    }
}
