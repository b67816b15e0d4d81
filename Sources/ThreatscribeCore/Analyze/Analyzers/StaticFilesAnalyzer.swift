/// Facts about each `StaticFiles` mount: what directory it serves and what that directory holds
/// (scope `static_mount`).
struct StaticFilesAnalyzer: Analyzer {
    let scopes = [FactScope("static_mount", "A `StaticFiles` mount.", fields: [
        FactField("path", .string, "The URL path it is mounted at."),
        FactField("directory", .string, "The directory it serves."),
        FactField("html", .bool, "`html=True`: directory URLs serve `index.html` and misses serve `404.html`."),
        FactField("contents", .string, "What the directory holds, as the model says."),
        FactField("holds", .list, "What the directory holds (`holds`)."),
        FactField("sensitive_markers", .list, "Sensitive categories in `holds` (`secrets`, `source_code`, `configuration`, `backups`, `database`), plus words of the `directory` name that name them (`.env`, `source`, `backup`, …; the directory is a name, so it is matched; `contents` is free text and never is)."),
        FactField("upload_markers", .list, "`user_uploads` in `holds`, plus words of the `directory` name that name uploads (`upload`, `attachment`, `avatar`, …)."),
        FactField("serves_project_root", .bool, "The directory is the working directory, the filesystem root or a typical project/source root (`.`, `/`, `/app`, `src`, …)."),
        FactField("mount_url", .string, "The mount's path with a trailing slash, for validation commands."),
    ])]

    /// Directories that are the project, the container's work directory or the filesystem root.
    static let rootLike: Set<String> = [".", "./", "/", "..", "../", "~", "/app", "/code", "/src", "/srv", "/usr/src/app",
                                        "/home", "/root", "/etc", "app", "src", "./app", "./src"]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        (context.model.staticFiles ?? []).enumerated().map { index, mount in
            let path = ModelPath("static_files").appending(index)
            var subject = FactSubject(scope: "static_mount", path: path, name: "StaticFiles at \(mount.path)",
                                      component: Component.staticFiles)
            subject.set("path", .string(mount.path), from: path.appending("path"))
            subject.set("directory", .string(mount.directory), from: path.appending("directory"))
            subject.set("html", .bool(mount.html ?? false), from: path.appending("html"),
                        shownAs: mount.html == nil ? "(not set: Starlette default False)" : nil)
            subject.set("contents", FactValue(mount.contents), from: path.appending("contents"))
            let holds = mount.holds ?? []
            subject.set("holds", .list(holds.map(\.rawValue)), from: path.appending("holds"))
            let sensitiveHeld = holds.filter(\.isSensitive).map(\.rawValue)
            let sensitive = sensitiveHeld + Self.sensitiveFileMarkers(in: mount.directory)
            subject.set("sensitive_markers", .list(sensitive), from: path.appending(sensitiveHeld.isEmpty ? "directory" : "holds"))
            let uploadsHeld = holds.contains(.userUploads) ? [StaticContent.userUploads.rawValue] : []
            subject.set("upload_markers", .list(uploadsHeld + SensitiveTerms.matches(in: mount.directory, of: SensitiveTerms.uploads)),
                        from: path.appending(uploadsHeld.isEmpty ? "directory" : "holds"))
            let directory = mount.directory.trimmingWhitespaces
            let trimmed = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
            subject.set("serves_project_root", .bool(Self.rootLike.contains(trimmed) || Self.rootLike.contains(directory)),
                        from: path.appending("directory"))
            subject.set("mount_url", .string(mount.path.hasSuffix("/") ? mount.path : mount.path + "/"), from: path.appending("path"))
            return subject
        }
    }

    /// The terms of `SensitiveTerms.files` that `text` names as a word of its own: a term must not continue a
    /// longer word ("source" in "resources", "config" in "preconfigured"), `.git` must not be the start of
    /// `.gitkeep`/`.gitignore`, and "source map(s)" (public front-end debugging files) does not count as source.
    static func sensitiveFileMarkers(in text: String) -> [String] {
        let lower = text.lowercased()
        return SensitiveTerms.files.filter { term in
            var searchStart = lower.startIndex
            while let range = lower.range(of: term, range: searchStart..<lower.endIndex) {
                searchStart = range.upperBound
                if range.lowerBound > lower.startIndex, term.first?.isLetter == true,
                   lower[lower.index(before: range.lowerBound)].isLetter { continue }
                let rest = lower[range.upperBound...]
                if term.hasPrefix("."), term.count <= 4, rest.first?.isLetter == true { continue }
                if term == "source", rest.hasPrefix(" map") || rest.hasPrefix("map") || rest.hasPrefix("-map") { continue }
                return true
            }
            return false
        }
    }
}
