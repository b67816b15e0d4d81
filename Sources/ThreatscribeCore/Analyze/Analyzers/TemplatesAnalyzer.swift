import Foundation

/// Facts about server-side template rendering (scope `templates`), version-aware for Starlette's
/// `Jinja2Templates` default: Starlette 0.x created its environment with `autoescape=True` (every
/// template); since 1.0.0 it uses `jinja2.select_autoescape()`, which escapes only templates named
/// `*.html`, `*.htm` and `*.xml` (and `from_string` templates). Verified against 0.27.0, 0.52.1, 1.0.0 and 1.10.0.
/// With `Jinja2Templates(env=...)` the caller's environment is used as is (Jinja2's own default is no escaping).
struct TemplatesAnalyzer: Analyzer {
    let scopes = [FactScope("templates", "Server-side template rendering (one subject when the model has a `templates` section).", fields: [
        FactField("engine", .string, "The template engine (`jinja2` when the model does not say)."),
        FactField("autoescape", .bool, "The autoescape setting the model states; unknown when not stated."),
        FactField("default_autoescape", .string, "What Starlette's `Jinja2Templates(directory=...)` escapes by default for the model's Starlette version."),
        FactField("starlette_version", .string, "The Starlette version the model names (a version, a locked version or a range)."),
        FactField("starlette_1x", .bool, "Starlette 1.0.0 or later (select_autoescape default); unknown for a range that allows both 0.x and 1.x."),
        FactField("file_extensions", .list, "Template file extensions in use, as the model says."),
        FactField("unescaped_extensions", .list, "Extensions in use that Starlette ≥1.0's default `select_autoescape()` does not escape (anything but .html, .htm, .xml), when autoescape is not stated."),
        FactField("renders_user_input", .bool, "Templates render user-controlled input."),
    ])]

    static let escapedByDefault: Set<String> = ["html", "htm", "xml"]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        guard let templates = context.model.templates else { return [] }
        let path: ModelPath = "templates"
        var subject = FactSubject(scope: "templates", path: path, name: "Jinja2Templates", component: Component.templates)
        let engine = templates.engine?.lowercased() ?? "jinja2"
        subject.set("engine", .string(engine), from: path.appending("engine"))
        subject.set("autoescape", FactValue(templates.autoescape), from: path.appending("autoescape"))
        let starlette = context.frameworkVersion("starlette")
        subject.set("starlette_version", FactValue(starlette), from: "frameworks.starlette")
        // A range that allows both 0.x and 1.x leaves the default unknown: the installed version decides.
        let modern = starlette.flatMap(VersionRequirement.init)?.isAtLeast(PackageVersion([1, 0, 0]))
        if let modern {
            subject.set("starlette_1x", .bool(modern), from: "frameworks.starlette")
            if engine == "jinja2" {
                subject.set("default_autoescape", .string(modern ? "only templates named *.html, *.htm or *.xml (jinja2.select_autoescape())" : "every template (autoescape=True)"),
                            from: "frameworks.starlette")
            }
        }
        let extensions = templates.fileExtensions?.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". ")) }
        subject.set("file_extensions", FactValue(templates.fileExtensions), from: path.appending("file_extensions"))
        if engine == "jinja2", templates.autoescape == nil, modern == true, let extensions {
            let unescaped = extensions.filter { !Self.escapedByDefault.contains($0) }.map { "." + $0 }
            subject.set("unescaped_extensions", .list(unescaped), from: path.appending("file_extensions"))
        }
        subject.set("renders_user_input", FactValue(templates.rendersUserInput), from: path.appending("renders_user_input"))
        return [subject]
    }
}
