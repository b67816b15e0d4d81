/// Facts about `async def` path operations that the model says make blocking calls (scope `blocking_handler`).
///
/// One subject per such endpoint; endpoints without `blocking_calls_in_async: true` yield none.
struct BlockingHandlerAnalyzer: Analyzer {
    let scopes = [FactScope("blocking_handler", "An `async def` path operation that makes blocking calls on the event loop.", fields: [
        FactField("path", .string, "The full path (router prefix + path)."),
        FactField("methods", .list, "HTTP methods, upper case."),
        FactField("blocking_calls_in_async", .bool, "The model says the `async def` handler makes blocking calls."),
        FactField("public", .bool, "The endpoint is declared `auth: none`."),
        FactField("expensive", .bool, "The handler is expensive per call."),
        FactField("workers", .int, "uvicorn worker processes (each has one event loop); unknown when not set."),
    ])]

    func input(of model: ArchitectureModel) -> ArchitectureModel? { RoutingInput.of(model) }

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let model = context.model
        return context.routeTable.routes.compactMap { route in
            guard route.endpoint.blockingCallsInAsync == true else { return nil }
            let path = route.path
            var subject = FactSubject(scope: "blocking_handler", path: path, name: route.displayName, component: Component.server)
            subject.set("path", .string(route.fullPath), from: path.appending("path"))
            subject.set("methods", .list(route.methods), from: path.appending("methods"))
            subject.set("blocking_calls_in_async", .bool(true), from: path.appending("blocking_calls_in_async"))
            subject.set("public", .bool(route.authState == "public"), from: path.appending("auth"))
            subject.set("expensive", FactValue(route.endpoint.expensive), from: path.appending("expensive"))
            subject.set("workers", FactValue(model.server?.workers), from: "server.workers")
            return subject
        }
    }
}
