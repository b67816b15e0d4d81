extension CORSConfiguration {
    /// The configuration a model's `cors` middleware entry passes, with Starlette's defaults for unset arguments.
    public init(middleware entry: Middleware) {
        self.init(
            allowOrigins: entry.allowOrigins ?? [], allowMethods: entry.allowMethods ?? ["GET"],
            allowHeaders: entry.allowHeaders ?? [], allowCredentials: entry.allowCredentials ?? false,
            allowOriginRegex: entry.allowOriginRegex, exposeHeaders: entry.exposeHeaders ?? [],
            maxAge: entry.maxAge ?? 600, allowPrivateNetwork: entry.allowPrivateNetwork)
    }
}
