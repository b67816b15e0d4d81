/// The built-in analyzers, one per kind of model element. Their scopes form the catalog's vocabulary.
public enum Analyzers {
    public static let all: [any Analyzer] = [
        EnvironmentAnalyzer(),
        SystemAnalyzer(),
        AppAnalyzer(),
        CORSAnalyzer(),
        MiddlewareStackAnalyzer(),
        SecurityHeadersAnalyzer(),
        SessionAnalyzer(),
        EndpointAnalyzer(),
        RouterAnalyzer(),
        CapabilityAnalyzer(),
        AuthMechanismAnalyzer(),
        SecretAnalyzer(),
        DataModelAnalyzer(),
        LoggingAnalyzer(),
        StaticFilesAnalyzer(),
        TemplatesAnalyzer(),
        WebSocketAnalyzer(),
        BackgroundTaskAnalyzer(),
        ServerAnalyzer(),
        ClientIPAnalyzer(),
        BlockingHandlerAnalyzer(),
        DataFlowAnalyzer(),
        DataStoreAnalyzer(),
        ExternalServiceAnalyzer(),
        ClientAppAnalyzer(),
        DeploymentAnalyzer(),
        ContainerAnalyzer(),
        BuildAnalyzer(),
        AdvisoryAnalyzer(),
        PackageUpgradeAnalyzer(),
    ]

    /// The vocabulary of the built-in analyzers.
    public static let vocabulary = FactVocabulary(analyzers: all)
}
