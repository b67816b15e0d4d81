import Foundation
import Testing
@testable import ThreatscribeCore

/// End to end: a model in which every free-text string (base URLs, origins, paths, environment names,
/// hosts, …) is a shell and Python injection payload goes through analysis into the Markdown report. Every
/// shell command of the report must parse, and running it (with `curl`, `python3`, `pip`, … replaced by
/// programs that only record their arguments) must create no file and pass the payload to `curl` as one
/// argument; every Python snippet must parse with the payload only inside string literals.
struct CommandInjectionTests {
    /// Without a newline the payload is single-quoted; with one it is a `$'…'` word.
    static let payloads = [
        #"https://a.example/$(touch PWNED)`touch PWNED`'"; touch PWNED; echo '\" \\ !x {} *"); PWNED_CALL(); (""#,
        "https://a.example/\n touch PWNED\n\"); PWNED_CALL(); (\"\r\t\u{1B}]0;x\u{7}'$(touch PWNED)",
    ]

    @Test("commands and snippets in the report run nothing of the model",
          arguments: ["betzenstein-booking.yaml", "fastapi-kubernetes.yaml", "home-security-intelligence.yaml"])
    func commandsRunNothingOfTheModel(_ sample: String) throws {
        let source = try String(contentsOf: SampleReportTests.root.appendingPathComponent("Samples/\(sample)"), encoding: .utf8)
        // Finding the strings that can be replaced is the slow part: do it once with a marker, then put each payload there.
        // The marker has a space so that it is valid only where any text is (not as a file-level `source:`).
        let marker = "PAYLOAD MARKER"
        let (marked, replaced) = try ModelInjectionTests.poisoned(source, with: marker)
        #expect(replaced >= 20, "only \(replaced) strings could be replaced")
        for payload in Self.payloads {
            let quoted = String(decoding: try JSONSerialization.data(withJSONObject: payload, options: [.fragmentsAllowed]), as: UTF8.self)
            let model = try ModelLoader.load(text: marked.replacingOccurrences(of: marker, with: quoted), file: "poisoned.yaml")
            #expect(model.environments.contains { $0.baseURL == payload }, "no base_url holds the payload")
            try check(model, payload: payload)
        }
    }

    private func check(_ model: LoadedModel, payload: String) throws {
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        let report = try ThreatAnalysis(catalog: catalog).run(on: model, options: .init(generatedAt: "2026-01-15", toolVersion: "test"))
        let markdown = try #require(try renderReport(report, formats: [.markdown]).first).contents

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("threatscribe-commands-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(markdown.utf8).write(to: directory.appendingPathComponent("report.md"))
        try Data(payload.utf8).write(to: directory.appendingPathComponent("payload"))
        try Data(Self.checker.utf8).write(to: directory.appendingPathComponent("check.py"))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [directory.appendingPathComponent("check.py").path, directory.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(result)")
        #expect(result.hasPrefix("shell blocks:") && !result.hasPrefix("shell blocks: 0,"), "\(result)")
    }

    /// Extracts the shell and Python code of the report and checks it; prints problems and exits 1.
    static let checker = #"""
import ast, os, subprocess, sys, time
root = sys.argv[1]
report = open(os.path.join(root, "report.md"), encoding="utf-8", newline="").read()
payload = open(os.path.join(root, "payload"), encoding="utf-8", newline="").read()
shell, python, fence, body = [], [], None, []
for line in report.split("\n"):
    stripped = line.lstrip(" ")
    if stripped.startswith("```"):
        if fence is None:
            fence, body = stripped[3:].strip().split(" ")[0].lower(), []
        else:
            if fence in ("bash", "sh", "shell", "console", "zsh"): shell.append("\n".join(body))
            elif fence in ("python", "py", "python3"): python.append("\n".join(body))
            fence = None
        continue
    if fence is not None: body.append(line)
    elif stripped.startswith("curl ") or stripped.startswith("$ "): shell.append(stripped.removeprefix("$ "))
problems = []
sandbox = os.path.join(root, "sandbox")
bin_dir, calls = os.path.join(sandbox, "bin"), os.path.join(sandbox, "calls")
os.makedirs(bin_dir); os.makedirs(calls)
fake = '#!/bin/bash\nf=$(mktemp "$CALLS/XXXXXXXX")\nprintf "%s\\0" "${0##*/}" "$@" > "$f"\nexit 0\n'
for name in ["curl", "python3", "python", "pip", "pip-audit", "kubectl", "psql", "openssl", "redis-cli", "uvicorn",
             "fastapi", "gunicorn", "hypercorn", "docker", "wget", "nc", "websocat", "wscat", "http", "npm", "ssh"]:
    path = os.path.join(bin_dir, name)
    open(path, "w").write(fake); os.chmod(path, 0o755)
open(os.path.join(bin_dir, "seq"), "w").write("#!/bin/bash\necho 1\n"); os.chmod(os.path.join(bin_dir, "seq"), 0o755)
shell = [block for block in shell if "PWNED" in block]
python = [block for block in python if "PWNED" in block]
for index, block in enumerate(shell):
    check = subprocess.run(["/bin/bash", "-n"], input=block, capture_output=True, text=True)
    if check.returncode != 0:
        problems.append(f"shell block {index} does not parse: {check.stderr}\n{block}")
        continue
    work = os.path.join(sandbox, f"work{index}")
    os.makedirs(work)
    env = {"PATH": bin_dir + ":/usr/bin:/bin", "HOME": work, "CALLS": calls, "LC_ALL": "C.UTF-8"}
    started = time.monotonic()
    subprocess.run(["timeout", "5", "/bin/bash", "-c", block + "\nwait"], cwd=work, env=env, capture_output=True, stdin=subprocess.DEVNULL)
    if time.monotonic() - started > 1: problems.append(f"shell block {index} ran for {time.monotonic() - started:.1f} s\n{block}")
for directory, _, files in os.walk(sandbox):
    if "PWNED" in files: problems.append(f"a command created {os.path.join(directory, 'PWNED')}")
curl_arguments = []
for name in os.listdir(calls):
    argv = open(os.path.join(calls, name), "rb").read().split(b"\0")[:-1]
    if argv and argv[0] == b"curl": curl_arguments += [a.decode("utf-8", "replace") for a in argv[1:]]
if not any(payload in argument for argument in curl_arguments):
    problems.append("no curl argument holds the whole payload: " + repr([a for a in curl_arguments if "a.example" in a][:3]))
trees = []
for index, block in enumerate(python):
    try:
        tree = ast.parse(block)
    except SyntaxError as error:
        problems.append(f"python block {index} does not parse: {error}\n{block}")
        continue
    trees.append(tree)
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Name): names = [node.id]
        elif isinstance(node, ast.Attribute): names = [node.attr]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)): names = [node.name]
        elif isinstance(node, ast.arg): names = [node.arg]
        elif isinstance(node, ast.keyword): names = [node.arg or ""]
        elif isinstance(node, ast.alias): names = [node.name, node.asname or ""]
        for name in names:
            if "PWNED" in name: problems.append(f"python block {index}: `{name}` from the model is code\n{block}")
if python and not any(isinstance(n, ast.Constant) and isinstance(n.value, str) and payload in n.value for t in trees for n in ast.walk(t)):
    problems.append("no Python string literal holds the whole payload")
print(f"shell blocks: {len(shell)}, python blocks: {len(python)}, curl arguments: {len(curl_arguments)}")
for problem in problems: print(problem)
sys.exit(1 if problems else 0)
"""#
}
