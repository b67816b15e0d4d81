/// The middleware in the order a request meets it.
enum MiddlewarePipeline {
    /// Outermost first. With `add_middleware` (also assumed when the model does not say) the last
    /// one added is outermost; with a constructor list item 0 is.
    static func steps(of model: ArchitectureModel) -> [PipelineStepView] {
        let registered = model.middleware ?? []
        let ordered = model.app?.middlewareStyle == .constructorList ? registered : registered.reversed()
        return ordered.enumerated().map { offset, middleware in
            // Read once: `settings` is `ModelValueText.arguments`, these pairs joined.
            let pairs = ModelValueText.argumentPairs(of: middleware, excluding: ["type", "id", "name", "source"])
            return PipelineStepView(
                position: offset + 1,
                name: middleware.name ?? middleware.identity,
                type: middleware.type.rawValue,
                settings: ModelValueText.arguments(pairs),
                source: middleware.source,
                arguments: pairs.map { SettingView(name: $0.name, value: $0.value) }
            )
        }
    }

    static func note(for model: ArchitectureModel) -> String {
        let wrap = " Starlette always adds ServerErrorMiddleware outside all of these and ExceptionMiddleware inside them, next to the router."
        switch model.app?.middlewareStyle {
        case .constructorList?:
            return "Registered as FastAPI(middleware=[...]): item 0 is outermost, so the order below is the code's order." + wrap
        case .addMiddleware?:
            return "Registered with app.add_middleware(): the last one added is outermost, so the order below is the reverse of the code's." + wrap
        case nil:
            return "The model does not say how the middleware is registered; the order below assumes app.add_middleware(), where the last one added is outermost." + wrap
        }
    }
}
