/// Facts about work run after the response (`BackgroundTasks`) or by a worker (scope `background_task`).
struct BackgroundTaskAnalyzer: Analyzer {
    let scopes = [FactScope("background_task", "Work run after the response or by a worker.", fields: [
        FactField("name", .string, "The function or job name."),
        FactField("handles_sensitive_data", .bool, "The task processes sensitive data."),
        FactField("runs_with_caller_privileges", .bool, "The task acts with the privileges of the request's user."),
        FactField("description", .string, "What the task does, as the model says."),
    ])]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        (context.model.backgroundTasks ?? []).enumerated().map { index, task in
            let path = ModelPath("background_tasks").appending(index)
            var subject = FactSubject(scope: "background_task", path: path, name: task.name, component: Component.backgroundTasks)
            subject.set("name", .string(task.name), from: path.appending("name"))
            subject.set("handles_sensitive_data", FactValue(task.handlesSensitiveData), from: path.appending("handles_sensitive_data"))
            subject.set("runs_with_caller_privileges", FactValue(task.runsWithCallerPrivileges), from: path.appending("runs_with_caller_privileges"))
            subject.set("description", FactValue(task.description), from: path.appending("description"))
            return subject
        }
    }
}
