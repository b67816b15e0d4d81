"""threatscribe init: read a FastAPI/Starlette project's files and draft a threatscribe model.

Run by `threatscribe init` as `python3 -I -S - PROJECT_DIR` with this text on standard input. It only
READS files and parses them with `ast`, `tomllib` and `json`: it never imports, executes or installs
the project's code. It prints one JSON document on standard output:

    {"model": NODE, "summary": {...}, "unresolved": [...], "questions": [...]}

where NODE is {"map": [[key, NODE], ...]} | {"seq": [NODE, ...]} | {"str": s} | {"int": n} |
{"bool": b} | {"null": true}, each optionally with "c" (a comment: where the value came from) and
"notes" (comment lines written above it).
"""
import ast
import json
import os
import re
import sys

MAX_FILES = 4000
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 8
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", "env", ".env", ".tox",
             ".nox", "site-packages", "dist", "build", ".mypy_cache", ".pytest_cache", "tests", "test",
             "migrations", "alembic", "docs", ".idea", ".vscode"}
ROUTE_METHODS = {"get", "post", "put", "patch", "delete", "head", "options", "trace"}
SECURITY_CLASSES = {
    "OAuth2PasswordBearer": ("oauth2_jwt", "header", "Authorization"),
    "OAuth2AuthorizationCodeBearer": ("oauth2_jwt", "header", "Authorization"),
    "OAuth2": ("oauth2_jwt", "header", "Authorization"),
    "OpenIdConnect": ("oauth2_jwt", "header", "Authorization"),
    "HTTPBearer": ("jwt", "header", "Authorization"),
    "HTTPBasic": ("http_basic", "header", "Authorization"),
    "HTTPDigest": ("custom", "header", "Authorization"),
    "APIKeyHeader": ("api_key", "header", None),
    "APIKeyQuery": ("api_key", "query", None),
    "APIKeyCookie": ("api_key", "cookie", None),
}
MIDDLEWARE_TYPES = {
    "CORSMiddleware": "cors", "TrustedHostMiddleware": "trusted_host", "HTTPSRedirectMiddleware": "https_redirect",
    "GZipMiddleware": "gzip", "SessionMiddleware": "session",
}
MIDDLEWARE_ARGS = {
    "cors": {"allow_origins": "strings", "allow_origin_regex": "string", "allow_methods": "strings",
             "allow_headers": "strings", "allow_credentials": "bool", "expose_headers": "strings", "max_age": "int",
             "allow_private_network": "bool"},
    "trusted_host": {"allowed_hosts": "strings", "www_redirect": "bool"},
    "gzip": {"minimum_size": "int", "compresslevel": "int"},
    "session": {"session_cookie": "string", "max_age": ("session_max_age", "int"), "same_site": "string",
                "https_only": "bool", "domain": "string"},
    "https_redirect": {},
}
# Arguments whose default is None in Starlette (cors.py, trustedhost.py, sessions.py): a resolved None is the default.
NONE_DEFAULT_ARGS = {("cors", "allow_origin_regex"), ("trusted_host", "allowed_hosts"), ("session", "domain")}
APP_ARGS = {"title": "string", "debug": "bool", "docs_url": "url", "redoc_url": "url", "openapi_url": "url",
            "root_path": "string"}
SECRET_NAME = re.compile(r"(SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|PRIVATE_KEY|SIGNING_KEY)", re.I)
NOT_SECRET_NAME = re.compile(r"(EXPIRE|MINUTES|HOURS|SECONDS|DAYS|LIFETIME|TTL|_URL|URI|ALGORITHM|LENGTH|HEADER|NAME|ENABLED|FILE|PATH|RATIO|THRESHOLD|LIMIT|COUNT|SIZE|MAX_|MIN_)", re.I)
# A number is a count, size or ratio, never a credential (`SHORT_TOKEN_RATIO: 0.5`, `MAX_TOKENS: 4096`).
NUMBER_TEXT = re.compile(r"-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?")
FRAMEWORKS = {"fastapi", "starlette", "pydantic", "pydantic-settings", "uvicorn", "gunicorn", "hypercorn", "granian"}
UNRESOLVED = object()


# ---------------------------------------------------------------- output nodes

def s(text, c=None):
    return with_comment({"str": str(text)}, c)


def i(number, c=None):
    return with_comment({"int": int(number)}, c)


def b(flag, c=None):
    return with_comment({"bool": bool(flag)}, c)


def null(c=None):
    return with_comment({"null": True}, c)


def seq(items, c=None):
    return with_comment({"seq": list(items)}, c)


def mp(pairs, c=None, notes=None):
    node = with_comment({"map": [[k, v] for k, v in pairs if v is not None]}, c)
    if notes:
        node["notes"] = list(notes)
    return node


def with_comment(node, c):
    if c:
        node["c"] = c
    return node


def node_of(value, c=None):
    """A resolved Python value as a node; None when it has no model form."""
    if isinstance(value, bool):
        return b(value, c)
    if isinstance(value, int):
        return i(value, c)
    if isinstance(value, str):
        return s(value, c)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return seq([s(v) for v in value], c)
    return None


# ---------------------------------------------------------------- project files

class Project:
    def __init__(self, root):
        self.root = root
        self.modules = {}      # dotted name -> Module
        self.by_path = {}
        self.skipped = []
        self.rewritten = []
        self.suffixes = None
        self.texts = {}        # relative path -> text of non-Python files read
        self.yaml_paths = []   # YAML files seen; those the code names are read as settings
        self.yaml_names = set()

    def rel(self, path):
        return os.path.relpath(path, self.root).replace(os.sep, "/")

    def walk(self):
        files, total = 0, 0
        for directory, dirs, names in os.walk(self.root, followlinks=False):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for name in sorted(names):
                path = os.path.join(directory, name)
                if os.path.islink(path) or not os.path.isfile(path):
                    continue
                yield path
                files += 1
                if files > MAX_FILES * 4:
                    self.skipped.append(f"more than {MAX_FILES * 4} files: the rest were not read")
                    return

    def read(self, path):
        try:
            size = os.path.getsize(path)
            if size > MAX_FILE_BYTES:
                self.skipped.append(f"{self.rel(path)}: over {MAX_FILE_BYTES} bytes, not read")
                return None
            with open(path, "rb") as handle:
                return handle.read(MAX_FILE_BYTES).decode("utf-8", errors="replace")
        except OSError:
            return None

    def load(self):
        total, count = 0, 0
        for path in self.walk():
            name = os.path.basename(path)
            rel = self.rel(path)
            if name.endswith(".py"):
                if count >= MAX_FILES or total >= MAX_TOTAL_BYTES:
                    self.skipped.append(f"{rel}: file limit reached, not read")
                    continue
                text = self.read(path)
                if text is None:
                    continue
                count += 1
                total += len(text)
                # YAML files the code names in a string (`"settings.yaml"`) are read as its settings
                for named in YAML_NAME.findall(text):
                    self.yaml_names.add(os.path.basename(named))
                try:
                    tree = ast.parse(text, filename=rel)
                except SyntaxError as error:
                    # Syntax newer than this interpreter (PEP 758 `except A, B:`, PEP 695 `type X = …`):
                    # rewrite it on the same lines and try once more.
                    try:
                        tree = ast.parse(newer_syntax_rewritten(text), filename=rel)
                        self.rewritten.append(rel)
                    except (SyntaxError, ValueError, RecursionError, MemoryError):
                        self.skipped.append(f"{rel}:{error.lineno or 1}: not parsed by Python "
                                            f"{sys.version_info[0]}.{sys.version_info[1]} ({error.msg}); pass --python for a newer one")
                        continue
                except (ValueError, RecursionError, MemoryError) as error:
                    self.skipped.append(f"{rel}: not parsed ({type(error).__name__})")
                    continue
                module = Module(self, rel, tree)
                self.modules[module.name] = module
                self.by_path[rel] = module
            elif name.endswith((".yaml", ".yml")) and rel.count("/") <= 2:
                self.yaml_paths.append(path)
            elif (name.startswith("requirements") and name.endswith(".txt")) or name in (
                    "pyproject.toml", "poetry.lock", "uv.lock", "Pipfile.lock", ".env") or \
                    name == "Dockerfile" or name.endswith(".Dockerfile") or name.startswith("Dockerfile."):
                text = self.read(path)
                if text is not None:
                    self.texts[rel] = text

    def yaml_settings(self):
        """{dotted key: (value, file:line, env var or None)} from the YAML files the code names
        (`"settings.yaml"`), read as data; nearest the root first, the first file naming a key wins."""
        values = {}
        for path in sorted(self.yaml_paths, key=lambda p: (self.rel(p).count("/"), self.rel(p))):
            if os.path.basename(path) not in self.yaml_names:
                continue
            text = self.read(path)
            if text is not None:
                for key, entry in simple_yaml(text, self.rel(path)).items():
                    values.setdefault(key, entry)
        return values

    def module_named(self, dotted):
        if dotted in self.modules:
            return self.modules[dotted]
        # src layouts and projects whose package root is a sub-folder: match by suffix.
        if self.suffixes is None:
            self.suffixes = {}
            for name, module in self.modules.items():
                parts = name.split(".")
                for start in range(1, len(parts)):
                    self.suffixes.setdefault(".".join(parts[start:]), []).append(module)
        matches = self.suffixes.get(dotted, [])
        return matches[0] if len(matches) == 1 else None


NEWER_SYNTAX = [
    (re.compile(r"^(\s*)except\s+(?!\()([\w.]+(?:\s*,\s*[\w.]+)+)\s*:", re.M), r"\1except (\2):"),
    (re.compile(r"^(\s*)type\s+(\w+)\s*(?:\[[^\]\n]*\])?\s*=", re.M), r"\1\2 ="),
    (re.compile(r"^(\s*(?:async\s+)?def\s+\w+)\[[^\]\n]*\]\(", re.M), r"\1("),
    (re.compile(r"^(\s*class\s+\w+)\[[^\]\n]*\]", re.M), r"\1"),
]


def newer_syntax_rewritten(text):
    """`text` with PEP 758 and PEP 695 syntax rewritten for older parsers, line for line."""
    for pattern, replacement in NEWER_SYNTAX:
        text = pattern.sub(replacement, text)
    return text


YAML_NAME = re.compile(r"[\"']([^\"'\n]{1,200}\.ya?ml)[\"']")
YAML_PLACEHOLDER = re.compile(r"^\$\{([A-Za-z_][A-Za-z0-9_]*)(?:,[A-Za-z0-9_,]*)?(?::(.*))?\}$")


def yaml_scalar(text):
    """A YAML scalar or flow list of scalars as a Python value; UNRESOLVED for anything else."""
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1].strip()
        items = [yaml_scalar(part) for part in inner.split(",")] if inner else []
        return items if all(isinstance(v, str) for v in items) else UNRESOLVED
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    if text.lower() in ("null", "~", ""):
        return None
    if re.match(r"^-?[0-9]+$", text):
        return int(text)
    if text[:1] in "{&*!|>":
        return UNRESOLVED
    return text


def simple_yaml(text, rel):
    """{dotted key: (value, "file:line", env var)} of a YAML file's block mappings and scalars, with
    `${VAR:default}` placeholders as (default, where, VAR). Lists in block style are skipped."""
    values, stack = {}, []   # stack of (indent, key)
    for number, line in enumerate(text.splitlines()[:20000], 1):
        stripped = line.split(" #", 1)[0].rstrip() if not line.lstrip().startswith("#") else ""
        if not stripped.strip() or stripped.strip().startswith("- ") or stripped.strip() == "-":
            continue
        match = re.match(r"^( *)([A-Za-z_][A-Za-z0-9_-]*)\s*:(?:\s+(.*))?$", stripped)
        if not match:
            continue
        indent, key, rest = len(match.group(1)), match.group(2), (match.group(3) or "").strip()
        while stack and stack[-1][0] >= indent:
            stack.pop()
        dotted_key = ".".join([k for _, k in stack] + [key])
        if not rest:
            stack.append((indent, key))
            continue
        placeholder = YAML_PLACEHOLDER.match(rest.strip("\"'"))
        if placeholder:
            default = placeholder.group(2)
            value = None if default is None else ("" if default == "" else yaml_scalar(default))
            values[dotted_key] = (value, f"{rel}:{number}", placeholder.group(1))
        else:
            values[dotted_key] = (yaml_scalar(rest), f"{rel}:{number}", None)
    return values


def attribute_chain(expr):
    """(root expression, [attribute names]) of `root.a.b.c`."""
    names = []
    while isinstance(expr, ast.Attribute):
        names.append(expr.attr)
        expr = expr.value
    return expr, list(reversed(names))


SETTINGS_ROOT = re.compile(r"^_?(settings|config|conf|cfg|app_settings|get_settings|get_config|unsafe_typed_settings)$", re.I)


def module_name_of(rel):
    parts = rel[:-3].split("/")
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def dotted(expr):
    """`a.b.c` for a Name/Attribute chain, else None."""
    parts = []
    while isinstance(expr, ast.Attribute):
        parts.append(expr.attr)
        expr = expr.value
    if isinstance(expr, ast.Name):
        parts.append(expr.id)
        return ".".join(reversed(parts))
    return None


def call_name(call):
    return dotted(call.func) if isinstance(call, ast.Call) else None


def last(name):
    return name.rsplit(".", 1)[-1] if name else None


def kwarg(call, name):
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return None


def lines(node):
    start = getattr(node, "lineno", None)
    end = getattr(node, "end_lineno", None) or start
    return start, end


# ---------------------------------------------------------------- one module

class Module:
    def __init__(self, project, rel, tree):
        self.project = project
        self.rel = rel
        self.tree = tree
        self.name = module_name_of(rel)
        self.package = self.name if rel.endswith("__init__.py") else self.name.rpartition(".")[0]
        self.imports = {}        # local name -> ("module", dotted) | ("symbol", module dotted, name)
        self.assigns = {}        # module-level name -> expression
        self.functions = {}      # name -> FunctionDef (module level)
        self.classes = {}
        self.conditional = {}    # name -> (if test, FunctionDef when true, FunctionDef when false)
        self.scope_list = None
        for statement in tree.body:
            self.scan_top(statement)

    def where(self, node, end=False):
        start, stop = lines(node)
        if end and stop and stop != start:
            return f"{self.rel}:{start}-{stop}"
        return f"{self.rel}:{start}"

    def absolute(self, module, level):
        if not level:
            return module or ""
        base = self.package.split(".") if self.package else []
        if level > 1:
            base = base[: len(base) - (level - 1)]
        return ".".join([p for p in base if p] + ([module] if module else []))

    def scan_top(self, statement):
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                self.imports[alias.asname or alias.name.split(".")[0]] = ("module", alias.name if alias.asname else alias.name.split(".")[0])
        elif isinstance(statement, ast.ImportFrom):
            source = self.absolute(statement.module, statement.level)
            for alias in statement.names:
                self.imports[alias.asname or alias.name] = ("symbol", source, alias.name)
        elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            for target in targets:
                if isinstance(target, ast.Name) and statement.value is not None:
                    self.assigns[target.id] = statement.value
        elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.functions[statement.name] = statement
        elif isinstance(statement, ast.ClassDef):
            self.classes[statement.name] = statement
        elif isinstance(statement, ast.If):
            # `if not settings.auth.enabled: def authenticated(): return True / else: def authenticated(...)`:
            # the last definition is kept; both are remembered for the auth switch.
            defined = lambda body: {f.name: f for f in body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))}
            then, other = defined(statement.body), defined(statement.orelse)
            for name in set(then) & set(other):
                self.conditional[name] = (statement.test, then[name], other[name])
            for inner in statement.body + statement.orelse:
                self.scan_top(inner)
        elif isinstance(statement, ast.Try):
            for inner in statement.body + statement.orelse:
                self.scan_top(inner)

    def imported_name(self, local):
        """The fully qualified name a local name was imported as (`fastapi.FastAPI`), or None."""
        entry = self.imports.get(local)
        if not entry:
            return None
        return entry[1] if entry[0] == "module" else f"{entry[1]}.{entry[2]}"

    def qualified(self, expr):
        """The qualified dotted name of a reference, following imports (`CORSMiddleware` → `…cors.CORSMiddleware`)."""
        name = dotted(expr) if not isinstance(expr, str) else expr
        if not name:
            return None
        head, _, rest = name.partition(".")
        imported = self.imported_name(head)
        if imported:
            return imported + ("." + rest if rest else "")
        return name

    def lookup(self, name, depth=0):
        """(module, kind, node) for a module-level symbol `name` here or where it was imported from."""
        if depth > MAX_DEPTH:
            return None
        if name in self.functions:
            return self, "function", self.functions[name]
        if name in self.classes:
            return self, "class", self.classes[name]
        if name in self.assigns:
            return self, "assign", self.assigns[name]
        entry = self.imports.get(name)
        if entry and entry[0] == "symbol":
            target = self.project.module_named(entry[1])
            if target is not None:
                found = target.lookup(entry[2], depth + 1)
                if found:
                    return found
            sub = self.project.module_named(f"{entry[1]}.{entry[2]}" if entry[1] else entry[2])
            if sub is not None:
                return sub, "module", sub
        if entry and entry[0] == "module":
            target = self.project.module_named(entry[1])
            if target is not None:
                return target, "module", target
        return None

    def resolve_ref(self, expr, depth=0):
        """(module, kind, node) for a Name or `module.attr` reference."""
        if isinstance(expr, ast.Name):
            return self.lookup(expr.id, depth)
        if isinstance(expr, ast.Attribute):
            base = self.resolve_ref(expr.value, depth + 1)
            if base and base[1] == "module":
                return base[0].lookup(expr.attr, depth + 1)
        return None


# ---------------------------------------------------------------- values

class Val:
    """A resolved value (`value`), or UNRESOLVED with the expression's text. `env` lists the
    environment variables it depends on, each as (name, fallback text)."""

    def __init__(self, value=UNRESOLVED, expr=None, env=None, dotenv=None):
        self.value = value
        self.expr = expr
        self.env = env or []
        self.dotenv = dotenv or []

    @property
    def ok(self):
        return self.value is not UNRESOLVED

    def detail(self):
        parts = []
        for name, fallback in self.env:
            parts.append(f"env {name}" + (f", default {fallback}" if fallback is not None else ", no default"))
        for name, value, where in self.dotenv:
            parts.append(f"{where} sets {name}={value}")
        return "; ".join(parts)


def compared(op, left, right):
    """`left OP right` for ==, !=, is, is not, in and not in on resolved values; None for another operator
    or values Python cannot compare that way."""
    try:
        if isinstance(op, (ast.Eq, ast.Is)):
            return left == right
        if isinstance(op, (ast.NotEq, ast.IsNot)):
            return left != right
        if isinstance(op, ast.In):
            return left in right
        if isinstance(op, ast.NotIn):
            return left not in right
    except TypeError:
        pass
    return None


def text_of(expr):
    try:
        text = ast.unparse(expr)
    except Exception:  # noqa: BLE001 - unparse of odd trees
        text = "<expression>"
    return text if len(text) <= 160 else text[:157] + "..."


class Settings:
    """A pydantic-settings class: fields with defaults, env prefix, aliases and .env files."""

    def __init__(self, module, cls):
        self.module = module
        self.cls = cls
        self.prefix = ""
        self.env_files = []
        self.case_sensitive = False
        self.fields = {}  # name -> (env name, default expr or None, line node)
        for statement in cls.body:
            if isinstance(statement, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "model_config" for t in statement.targets):
                self.read_config(statement.value)
            elif isinstance(statement, ast.ClassDef) and statement.name == "Config":
                for inner in statement.body:
                    if isinstance(inner, ast.Assign) and isinstance(inner.targets[0], ast.Name):
                        self.read_option(inner.targets[0].id, inner.value)
            elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                name = statement.target.id
                default, env = statement.value, None
                if isinstance(default, ast.Call) and last(call_name(default)) == "Field":
                    for key in ("validation_alias", "alias"):
                        alias = kwarg(default, key)
                        if isinstance(alias, ast.Constant) and isinstance(alias.value, str):
                            env = alias.value
                    inner = kwarg(default, "default")
                    if inner is None and default.args and not (isinstance(default.args[0], ast.Constant) and default.args[0].value is Ellipsis):
                        inner = default.args[0]
                    factory = kwarg(default, "default_factory")
                    default = inner if inner is not None else (factory and ast.Call(func=factory, args=[], keywords=[]))
                self.fields[name] = (env, default, statement)

    def read_config(self, call):
        if isinstance(call, ast.Call):
            for keyword in call.keywords:
                self.read_option(keyword.arg, keyword.value)
        elif isinstance(call, ast.Dict):
            for key, value in zip(call.keys, call.values):
                if isinstance(key, ast.Constant):
                    self.read_option(key.value, value)

    def read_option(self, name, value):
        if name == "env_prefix" and isinstance(value, ast.Constant):
            self.prefix = str(value.value)
        elif name == "env_file":
            items = value.elts if isinstance(value, (ast.Tuple, ast.List)) else [value]
            self.env_files = [v.value for v in items if isinstance(v, ast.Constant) and isinstance(v.value, str)]
        elif name == "case_sensitive" and isinstance(value, ast.Constant):
            self.case_sensitive = bool(value.value)

    def env_name(self, field):
        env, _, _ = self.fields[field]
        return env or (self.prefix + field)


def is_settings_class(module, cls, depth=0):
    if depth > MAX_DEPTH:
        return False
    for base in cls.bases:
        name = last(dotted(base))
        if name in ("BaseSettings",):
            return True
        found = module.resolve_ref(base)
        if found and found[1] == "class" and is_settings_class(found[0], found[2], depth + 1):
            return True
    return False


class Resolver:
    def __init__(self, project):
        self.project = project
        self.dotenv = self.read_dotenv()
        self.settings_cache = {}
        self.yaml = project.yaml_settings()

    def yaml_value(self, expr):
        """The value of `settings.server.cors.enabled` (or `settings().…`) from a YAML settings file the
        code names, when the root is named like a settings object and the key is in the file; else None."""
        if not self.yaml:
            return None
        root, names = attribute_chain(expr)
        if isinstance(root, ast.Call) and not root.args:
            root = root.func
        if not names or not isinstance(root, (ast.Name, ast.Attribute)) or not SETTINGS_ROOT.match(last(dotted(root)) or ""):
            return None
        entry = self.yaml.get(".".join(names))
        if entry is None:
            return self.model_default(names)
        if entry[0] is UNRESOLVED:
            return None
        value, where, var = entry
        if var:
            return Val(value, env=[(var, f"{value!r} ({where})")])
        return Val(value, dotenv=[(".".join(names), repr(value), where)])

    def model_default(self, names):
        """A key the YAML settings file leaves out takes its model's default: the field chain `names`
        (`server.cors.allow_credentials`) followed through the annotated classes of the project, and the
        last field's default when it resolves; None when no class or more than one value fits."""
        found = {}
        for module in sorted(self.project.modules.values(), key=lambda m: m.rel):
            for cls in module.classes.values():
                value = self.field_chain_default(module, cls, names, 0)
                if value is not None:
                    found.setdefault(repr(value[0]), value)
        if len(found) != 1:
            return None
        value, where = next(iter(found.values()))
        return Val(value, dotenv=[(".".join(names), repr(value), where + " (the model's default; the YAML file leaves it out)")])

    def field_chain_default(self, module, cls, names, depth):
        if depth > MAX_DEPTH:
            return None
        fields = self.settings_of(module, cls).fields
        if names[0] not in fields:
            return None
        _, default, statement = fields[names[0]]
        if len(names) == 1:
            if default is None:
                return None
            value = self.resolve(module, default)
            return (value.value, module.where(statement)) if value.ok and not value.env else None
        found = module.resolve_ref(statement.annotation) if isinstance(statement.annotation, (ast.Name, ast.Attribute)) else None
        if not found or found[1] != "class":
            return None
        return self.field_chain_default(found[0], found[2], names[1:], depth + 1)

    def read_dotenv(self):
        values = {}
        for rel, text in sorted(self.project.texts.items()):
            if os.path.basename(rel) != ".env":
                continue
            for number, line in enumerate(text.splitlines(), 1):
                match = re.match(r"\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$", line)
                if match:
                    value = match.group(2).strip()
                    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                        value = value[1:-1]
                    values.setdefault(match.group(1).upper(), (value, f"{rel}:{number}"))
        return values

    def settings_of(self, module, cls):
        key = (module.rel, cls.name)
        if key not in self.settings_cache:
            self.settings_cache[key] = Settings(module, cls)
        return self.settings_cache[key]

    def settings_instance(self, module, expr, depth=0):
        """The Settings behind `settings`, `get_settings()` or `Settings()`, or None."""
        if depth > MAX_DEPTH:
            return None
        if isinstance(expr, ast.Call):
            found = module.resolve_ref(expr.func)
            if found and found[1] == "class" and is_settings_class(found[0], found[2]):
                return self.settings_of(found[0], found[2])
            if found and found[1] == "function":
                for statement in ast.walk(found[2]):
                    if isinstance(statement, ast.Return) and statement.value is not None:
                        result = self.settings_instance(found[0], statement.value, depth + 1)
                        if result:
                            return result
            return None
        found = module.resolve_ref(expr)
        if found and found[1] == "assign":
            return self.settings_instance(found[0], found[2], depth + 1)
        return None

    def resolve(self, module, expr, locals_=None, depth=0):
        """Resolves `expr` in `module` (and the function-local assignments in `locals_`)."""
        if depth > MAX_DEPTH or expr is None:
            return Val(expr=text_of(expr) if expr is not None else "?")
        if isinstance(expr, ast.Constant):
            if isinstance(expr.value, (str, int, bool)) or expr.value is None:
                return Val(expr.value)
            return Val(expr=text_of(expr))
        if isinstance(expr, (ast.List, ast.Tuple, ast.Set)):
            items, env, dotenv = [], [], []
            for element in expr.elts:
                if isinstance(element, ast.Starred):
                    inner = self.resolve(module, element.value, locals_, depth + 1)
                    if not inner.ok or not isinstance(inner.value, list):
                        return Val(expr=text_of(expr), env=inner.env)
                    items += inner.value
                else:
                    inner = self.resolve(module, element, locals_, depth + 1)
                    if not inner.ok:
                        return Val(expr=text_of(expr), env=env + inner.env)
                    items.append(inner.value)
                env += inner.env
                dotenv += inner.dotenv
            return Val(items, env=env, dotenv=dotenv)
        if isinstance(expr, ast.ListComp) and len(expr.generators) == 1 and not expr.generators[0].ifs \
                and isinstance(expr.generators[0].target, ast.Name):
            # `[str(origin) for origin in settings.BACKEND_CORS_ORIGINS]`: the element applied to each item
            generator = expr.generators[0]
            source = self.resolve(module, generator.iter, locals_, depth + 1)
            if not source.ok or not isinstance(source.value, list):
                return Val(expr=text_of(expr), env=source.env)
            items = []
            for item in source.value[:1000]:
                scope = dict(locals_ or {})
                scope[generator.target.id] = ast.Constant(value=item)
                inner = self.resolve(module, expr.elt, scope, depth + 1)
                if not inner.ok:
                    return Val(expr=text_of(expr), env=source.env)
                items.append(inner.value)
            return Val(items, env=source.env, dotenv=source.dotenv)
        if isinstance(expr, ast.JoinedStr):
            parts, env, dotenv = [], [], []
            for value in expr.values:
                if isinstance(value, ast.Constant):
                    parts.append(str(value.value))
                    continue
                inner = self.resolve(module, value.value, locals_, depth + 1)
                if not inner.ok or value.format_spec is not None or not isinstance(inner.value, (str, int)):
                    return Val(expr=text_of(expr), env=env + inner.env)
                parts.append(str(inner.value))
                env += inner.env
                dotenv += inner.dotenv
            return Val("".join(parts), env=env, dotenv=dotenv)
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.Mult, ast.Sub, ast.FloorDiv)):
            left = self.resolve(module, expr.left, locals_, depth + 1)
            right = self.resolve(module, expr.right, locals_, depth + 1)
            if left.ok and right.ok and all(isinstance(v, int) and not isinstance(v, bool) for v in (left.value, right.value)) \
                    and abs(left.value) < 10 ** 12 and abs(right.value) < 10 ** 12 and not (isinstance(expr.op, ast.FloorDiv) and right.value == 0):
                value = {ast.Mult: lambda a, c: a * c, ast.Sub: lambda a, c: a - c,
                         ast.FloorDiv: lambda a, c: a // c}[type(expr.op)](left.value, right.value)
                return Val(value, env=left.env + right.env, dotenv=left.dotenv + right.dotenv)
            return Val(expr=text_of(expr), env=left.env + right.env)
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            left = self.resolve(module, expr.left, locals_, depth + 1)
            right = self.resolve(module, expr.right, locals_, depth + 1)
            if left.ok and right.ok and type(left.value) is type(right.value) and isinstance(left.value, (str, list)):
                return Val(left.value + right.value, env=left.env + right.env, dotenv=left.dotenv + right.dotenv)
            return Val(expr=text_of(expr), env=left.env + right.env)
        if isinstance(expr, ast.Name):
            if locals_ and expr.id in locals_:
                return self.resolve(module, locals_[expr.id], None, depth + 1)
            found = module.lookup(expr.id)
            if found and found[1] == "assign":
                return self.resolve(found[0], found[2], None, depth + 1)
            return Val(expr=text_of(expr))
        if isinstance(expr, ast.Call):
            return self.resolve_call(module, expr, locals_, depth)
        if isinstance(expr, ast.Attribute):
            from_yaml = self.yaml_value(expr)
            if from_yaml is not None:
                return from_yaml
            instance = self.settings_instance(module, expr.value)
            if instance and expr.attr in instance.fields:
                return self.setting_value(instance, expr.attr, depth)
            found = module.resolve_ref(expr)
            if found and found[1] == "assign":
                return self.resolve(found[0], found[2], None, depth + 1)
            return Val(expr=text_of(expr))
        if isinstance(expr, ast.Compare) and len(expr.ops) == 1 and \
                isinstance(expr.ops[0], (ast.Eq, ast.NotEq, ast.In, ast.NotIn, ast.Is, ast.IsNot)):
            left = self.resolve(module, expr.left, locals_, depth + 1)
            right = self.resolve(module, expr.comparators[0], locals_, depth + 1)
            if left.ok and right.ok:
                value = compared(expr.ops[0], left.value, right.value)
                if value is not None:
                    return Val(value, env=left.env + right.env, dotenv=left.dotenv + right.dotenv)
            return Val(expr=text_of(expr), env=left.env + right.env)
        if isinstance(expr, ast.IfExp):
            test = self.resolve(module, expr.test, locals_, depth + 1)
            if test.ok:
                branch = self.resolve(module, expr.body if test.value else expr.orelse, locals_, depth + 1)
                if branch.ok:
                    return Val(branch.value, env=test.env + branch.env, dotenv=test.dotenv + branch.dotenv)
            return Val(expr=text_of(expr), env=self.env_reads(module, expr))
        if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.Not):
            inner = self.resolve(module, expr.operand, locals_, depth + 1)
            return Val(not inner.value, env=inner.env, dotenv=inner.dotenv) if inner.ok else Val(expr=text_of(expr), env=inner.env)
        if isinstance(expr, ast.IfExp) or isinstance(expr, ast.BoolOp):
            return Val(expr=text_of(expr), env=self.env_reads(module, expr))
        return Val(expr=text_of(expr))

    def env_reads(self, module, expr):
        reads = []
        for node in ast.walk(expr):
            if isinstance(node, ast.Call) and self.env_call(module, node):
                name = node.args[0] if node.args else None
                if isinstance(name, ast.Constant):
                    reads.append((str(name.value), None))
        return reads

    def env_call(self, module, call):
        name = module.qualified(call.func) or ""
        return name in ("os.getenv", "os.environ.get", "os.environ.setdefault") or name.endswith("environ.get")

    def resolve_call(self, module, call, locals_, depth):
        name = module.qualified(call.func) or ""
        if self.env_call(module, call) and call.args and isinstance(call.args[0], ast.Constant):
            var = str(call.args[0].value)
            fallback = call.args[1] if len(call.args) > 1 else kwarg(call, "default")
            dotenv = [(var, self.dotenv[var.upper()][0], self.dotenv[var.upper()][1])] if var.upper() in self.dotenv else []
            if fallback is None:
                return Val(None, env=[(var, None)], dotenv=dotenv)
            inner = self.resolve(module, fallback, locals_, depth + 1)
            shown = repr(inner.value) if inner.ok else text_of(fallback)
            return Val(inner.value, expr=None if inner.ok else text_of(call), env=[(var, shown)] + inner.env, dotenv=dotenv)
        if isinstance(call.func, ast.Name) and call.args and isinstance(call.args[0], ast.Constant) and \
                isinstance(call.args[0].value, str) and self.is_starlette_config(module, call.func):
            # starlette.config: `config = Config(".env")`, then `config("NAME", cast=…, default=…)`
            var = call.args[0].value
            fallback = call.args[2] if len(call.args) > 2 else kwarg(call, "default")
            dotenv = [(var, self.dotenv[var.upper()][0], self.dotenv[var.upper()][1])] if var.upper() in self.dotenv else []
            if fallback is None:
                return Val(expr=f"config({var!r}) (required)", env=[(var, None)], dotenv=dotenv)
            inner = self.resolve(module, fallback, locals_, depth + 1)
            cast = kwarg(call, "cast")
            value = inner.value
            if inner.ok and isinstance(cast, ast.Name) and cast.id == "bool" and isinstance(value, str):
                value = value.lower() in ("true", "1", "yes", "on")
            shown = repr(inner.value) if inner.ok else text_of(fallback)
            return Val(value, expr=None if inner.ok else text_of(call), env=[(var, shown)] + inner.env, dotenv=dotenv)
        if isinstance(call.func, ast.Attribute) and call.func.attr == "split":
            inner = self.resolve(module, call.func.value, locals_, depth + 1)
            sep = self.resolve(module, call.args[0], locals_, depth + 1) if call.args else Val(None)
            if inner.ok and isinstance(inner.value, str) and sep.ok and (sep.value is None or isinstance(sep.value, str)):
                return Val([p.strip() if sep.value else p for p in inner.value.split(sep.value)] if inner.value else [],
                           env=inner.env, dotenv=inner.dotenv)
            return Val(expr=text_of(call), env=inner.env)
        if name in ("str", "int", "bool") and len(call.args) == 1:
            inner = self.resolve(module, call.args[0], locals_, depth + 1)
            if inner.ok and inner.value is not None:
                try:
                    if name == "bool" and isinstance(inner.value, str):
                        value = inner.value.strip().lower() in ("1", "true", "yes", "on")
                    else:
                        value = {"str": str, "int": int, "bool": bool}[name](inner.value)
                    return Val(value, env=inner.env, dotenv=inner.dotenv)
                except (TypeError, ValueError):
                    pass
            return Val(expr=text_of(call), env=inner.env)
        return Val(expr=text_of(call))

    def is_starlette_config(self, module, name):
        found = module.resolve_ref(name)
        return bool(found and found[1] == "assign" and isinstance(found[2], ast.Call)
                    and "config.Config" in (found[0].qualified(found[2].func) or ""))

    def setting_value(self, instance, field, depth):
        env_name = instance.env_name(field)
        _, default, _ = instance.fields[field]
        where = instance.module.where(instance.fields[field][2])
        key = env_name.upper()
        dotenv = [(env_name, self.dotenv[key][0], self.dotenv[key][1])] if key in self.dotenv else []
        if default is None:
            return Val(expr=f"{instance.cls.name}.{field} (required, from env {env_name})", env=[(env_name, None)], dotenv=dotenv)
        inner = self.resolve(instance.module, default, None, depth + 1)
        shown = repr(inner.value) if inner.ok else text_of(default)
        return Val(inner.value, expr=None if inner.ok else f"{instance.cls.name}.{field} = {text_of(default)}",
                   env=[(env_name, f"{shown} ({where})")] + inner.env, dotenv=dotenv)


# ---------------------------------------------------------------- apps, routers, endpoints

class Obj:
    """A FastAPI/Starlette app or an APIRouter the code creates."""

    def __init__(self, kind, module, scope, var, call):
        self.kind = kind              # "app" | "router"
        self.framework = "starlette" if last(call_name(call)) == "Starlette" else "fastapi"
        self.module, self.scope, self.var, self.call = module, scope, var, call
        self.middleware = []          # (registration, entry) with registration "constructor" | "added"
        self.endpoints = []
        self.includes = []            # (target key or None, prefix Val, dependency exprs, node, module, expr)
        self.mounts = []              # (kind, path/host Val, target key, node, module)
        self.static = []
        self.exception_handlers = []
        self.websockets = []
        self.mounted = False
        self.prefix = Val("")
        self.dependencies = []

    @property
    def key(self):
        return (self.module.rel, self.scope, self.var)

    def where(self):
        return self.module.where(self.call)


class Cond:
    """An `if` test guarding a statement: its text, its expression, whether the statement is in the
    `else` branch, and the module it is written in."""

    def __init__(self, node, negated, module):
        self.node, self.negated, self.module = node, negated, module

    @property
    def text(self):
        return ("not (" if self.negated else "if ") + text_of(self.node) + (")" if self.negated else "")

    def __str__(self):
        return self.text


def scope_statements(body, module=None):
    """Statements of a body and its nested blocks, without nested functions or classes, with the
    `if` tests that guard each."""
    for statement in body:
        yield statement, ()
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        if isinstance(statement, ast.If):
            for inner, tests in scope_statements(statement.body, module):
                yield inner, (Cond(statement.test, False, module),) + tests
            for inner, tests in scope_statements(statement.orelse, module):
                yield inner, (Cond(statement.test, True, module),) + tests
            continue
        for field in ("body", "orelse", "finalbody", "handlers"):
            for inner, tests in scope_statements(getattr(statement, field, []) or [], module):
                yield inner, tests


class Extraction:
    def __init__(self, project):
        self.project = project
        self.resolver = Resolver(project)
        self.objects = {}
        self.schemes = {}            # (module rel, var) -> dict
        self.custom_auth = {}        # (module rel, function) -> dict
        self.jwt_calls = []
        self.unresolved = []
        self.questions = []
        self.background = []
        self.templates = []
        self.chain_cache = {}
        self.method_class = {}       # (module rel, method scope) -> ClassDef
        self.aliases = {}            # (module rel, scope, parameter) -> Obj while a helper's body is read
        self.helpers_seen = set()

    # -- pass 1: what the code creates

    def scopes(self, module):
        """The module body and every function body, each (scope name, body, node); computed once."""
        if module.scope_list is None:
            module.scope_list = list(self.scope_bodies(module))
        return module.scope_list

    def scope_bodies(self, module):
        yield "", module.tree.body, None
        for node in ast.walk(module.tree):
            if isinstance(node, ast.ClassDef):
                for member in node.body:
                    if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        self.method_class[(module.rel, f"{member.name}@{member.lineno}")] = node
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield f"{node.name}@{node.lineno}", node.body, node

    def self_key(self, module, scope, expr):
        """The key of `self.name` in a method: objects a class keeps on `self` are shared by its methods."""
        cls = self.method_class.get((module.rel, scope))
        if cls is None or not isinstance(expr, ast.Attribute) or not isinstance(expr.value, ast.Name) or expr.value.id != "self":
            return None
        return (module.rel, f"class {cls.name}@{cls.lineno}", f"{cls.name}.{expr.attr}")

    def collect(self):
        for module in self.project.modules.values():
            for scope, body, _ in self.scopes(module):
                for statement, _ in scope_statements(body):
                    if not isinstance(statement, (ast.Assign, ast.AnnAssign)) or not isinstance(statement.value, ast.Call):
                        continue
                    targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                    names = [t.id for t in targets if isinstance(t, ast.Name)]
                    attribute = next((self.self_key(module, scope, t) for t in targets if self.self_key(module, scope, t)), None)
                    if not names and attribute is None:
                        continue
                    kind = self.constructed(module, statement.value)
                    if kind in ("app", "router") and not names:
                        obj = Obj(kind, module, attribute[1], attribute[2], statement.value)
                        self.objects[obj.key] = obj
                    elif kind in ("app", "router"):
                        obj = Obj(kind, module, scope, names[0], statement.value)
                        self.objects[obj.key] = obj
                    elif kind == "scheme" and scope == "":
                        self.add_scheme(module, names[0], statement.value)
                    elif kind == "templates":
                        self.templates.append((module, statement.value))

    def constructed(self, module, call):
        qualified = module.qualified(call.func) or ""
        name = last(qualified)
        found = module.resolve_ref(call.func) if isinstance(call.func, (ast.Name, ast.Attribute)) else None
        if found and found[1] == "class":
            # A project class named like the framework's (`class FastAPI(Server)`) is not an app unless it
            # subclasses one; a subclass of APIRouter (`class TrailingSlashRouter(APIRouter)`) is a router.
            return self.framework_base(found[0], found[2])
        if name in ("FastAPI", "Starlette") and ("fastapi" in qualified or "starlette" in qualified or qualified == name):
            return "app"
        if name == "APIRouter":
            return "router"
        if name in SECURITY_CLASSES:
            return "scheme"
        if name == "Jinja2Templates":
            return "templates"
        return None

    def framework_base(self, module, cls, depth=0):
        """"app" or "router" when a project class subclasses FastAPI/Starlette or APIRouter, else None."""
        if depth > MAX_DEPTH:
            return None
        for base in cls.bases:
            qualified = module.qualified(base) or ""
            found = module.resolve_ref(base)
            if found and found[1] == "class":
                kind = self.framework_base(found[0], found[2], depth + 1)
                if kind:
                    return kind
            elif last(qualified) in ("FastAPI", "Starlette") and ("fastapi" in qualified or "starlette" in qualified):
                return "app"
            elif last(qualified) == "APIRouter":
                return "router"
        return None

    def add_scheme(self, module, var, call):
        kind, transport, parameter = SECURITY_CLASSES[last(call_name(call))]
        name_arg = kwarg(call, "name")
        if name_arg is not None:
            resolved = self.resolver.resolve(module, name_arg)
            parameter = resolved.value if resolved.ok and isinstance(resolved.value, str) else parameter
        auto_error = kwarg(call, "auto_error")
        self.schemes[(module.rel, var)] = {
            "id": safe_id(var), "type": kind, "transport": transport, "parameter": parameter,
            "source": module.where(call), "class": last(call_name(call)), "jwt": [],
            "optional": isinstance(auto_error, ast.Constant) and auto_error.value is False,
        }

    # -- name resolution to created objects

    def object_for(self, module, scope, expr, depth=0):
        if depth > MAX_DEPTH:
            return None
        key = self.self_key(module, scope, expr)
        if key is not None:
            return self.objects.get(key)
        if isinstance(expr, ast.Name) and (module.rel, scope, expr.id) in self.aliases:
            return self.aliases[(module.rel, scope, expr.id)]
        if isinstance(expr, ast.Name):
            for key in ((module.rel, scope, expr.id), (module.rel, "", expr.id)):
                if key in self.objects:
                    return self.objects[key]
            return self.object_named(module, expr.id, depth + 1)
        if isinstance(expr, ast.Attribute):
            base = module.resolve_ref(expr.value)
            if base and base[1] == "module":
                return self.object_named(base[0], expr.attr, depth + 1)
        if isinstance(expr, ast.Call):
            return self.object_returned(module, expr, depth + 1)
        return None

    def object_named(self, module, name, depth):
        if depth > MAX_DEPTH:
            return None
        key = (module.rel, "", name)
        if key in self.objects:
            return self.objects[key]
        if name in module.assigns and isinstance(module.assigns[name], (ast.Call, ast.Name, ast.Attribute)):
            return self.object_for(module, "", module.assigns[name], depth + 1)
        entry = module.imports.get(name)
        if entry and entry[0] == "symbol":
            target = self.project.module_named(entry[1])
            if target is not None:
                found = self.object_named(target, entry[2], depth + 1)
                if found:
                    return found
            sub = self.project.module_named(f"{entry[1]}.{entry[2]}" if entry[1] else entry[2])
            if sub is not None:
                return self.object_named(sub, "router", depth + 1)
        return None

    def object_returned(self, module, call, depth):
        """The app a factory function (`create_app()`) builds and returns."""
        found = module.resolve_ref(call.func)
        if not found or found[1] != "function":
            return None
        target, function = found[0], found[2]
        scope = f"{function.name}@{function.lineno}"
        for statement in ast.walk(function):
            if isinstance(statement, ast.Return) and statement.value is not None:
                obj = self.object_for(target, scope, statement.value, depth + 1)
                if obj:
                    return obj
        return None

    # -- pass 2: what the code does with them

    def connect(self):
        for module in self.project.modules.values():
            for scope, body, function in self.scopes(module):
                # A parameter named like a module-level app (`def configure(app): app.add_middleware(...)`) is
                # whatever the caller passes: helper_call reads such bodies with the caller's objects.
                shadowed = {a.arg for a, _ in parameters(function)} if function is not None else set()
                for statement, tests in scope_statements(body, module):
                    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        if not any(isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and isinstance(d.func.value, ast.Name)
                                   and d.func.value.id in shadowed for d in statement.decorator_list):
                            self.decorated(module, scope, statement, tests)
                    call = statement.value if isinstance(statement, (ast.Expr, ast.Assign)) else None
                    receiver = call.func.value if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) else None
                    if isinstance(receiver, ast.Name) and receiver.id in shadowed:
                        continue
                    obj = self.object_for(module, scope, receiver) if receiver is not None else None
                    if obj is not None:
                        self.operation(module, scope, obj, call, tests)
                    elif isinstance(call, ast.Call):
                        self.helper_call(module, scope, call, tests)
                    if isinstance(call, ast.Call) and isinstance(call.func, ast.Call) and call.args \
                            and isinstance(call.func.func, ast.Attribute) and call.func.func.attr == "middleware":
                        # `app.middleware("http")(function)`: the decorator applied by hand
                        obj = self.object_for(module, scope, call.func.func.value)
                        if obj is not None:
                            function = self.function_for(module, call.args[0], scope)
                            entry = {"type": "custom", "name": function[1].name if function else text_of(call.args[0]),
                                     "source": module.where(call, end=True), "args": [], "notes": [], "tests": tests,
                                     "function": function}
                            obj.middleware.append(("added", entry))
        for obj in self.objects.values():
            self.constructor(obj)

    def helper_call(self, module, scope, call, tests, depth=0):
        """`configure_cors(app)`, `add_versioned_routers(app, router)`: a project function given an app or
        router; what its body does to its parameters is done to those objects."""
        if depth > 2 or not isinstance(call.func, (ast.Name, ast.Attribute)):
            return
        function = self.function_for(module, call.func, scope)
        if function is None:
            return
        target, node = function
        names = [a.arg for a, _ in parameters(node)]
        if names and names[0] in ("self", "cls") and isinstance(call.func, ast.Attribute):
            names = names[1:]
        bindings = {}
        for index, argument in enumerate(call.args[:len(names)]):
            obj = self.object_for(module, scope, argument) if isinstance(argument, (ast.Name, ast.Attribute)) else None
            if obj is not None:
                bindings[names[index]] = obj
        for keyword in call.keywords:
            obj = self.object_for(module, scope, keyword.value) if isinstance(keyword.value, (ast.Name, ast.Attribute)) else None
            if keyword.arg in names and obj is not None:
                bindings[keyword.arg] = obj
        inner = f"{node.name}@{node.lineno}"
        seen = (target.rel, node.lineno, tuple(sorted((name, obj.key) for name, obj in bindings.items())))
        if not bindings or seen in self.helpers_seen:
            return
        self.helpers_seen.add(seen)
        saved = dict(self.aliases)
        for name, obj in bindings.items():
            self.aliases[(target.rel, inner, name)] = obj
        for statement, inner_tests in scope_statements(node.body, target):
            combined = tuple(tests) + tuple(inner_tests)
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if any(isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and isinstance(d.func.value, ast.Name)
                       and d.func.value.id in bindings for d in statement.decorator_list):
                    self.decorated(target, inner, statement, combined)
                continue
            inner_call = statement.value if isinstance(statement, (ast.Expr, ast.Assign)) else None
            if not isinstance(inner_call, ast.Call):
                continue
            if isinstance(inner_call.func, ast.Attribute) and isinstance(inner_call.func.value, ast.Name) \
                    and inner_call.func.value.id in bindings:
                self.operation(target, inner, bindings[inner_call.func.value.id], inner_call, combined)
            else:
                self.helper_call(target, inner, inner_call, combined, depth + 1)
        self.aliases = saved

    def constructor(self, obj):
        module, call = obj.module, obj.call
        middleware = kwarg(call, "middleware")
        if isinstance(middleware, (ast.List, ast.Tuple)):
            for item in middleware.elts:
                if isinstance(item, ast.Call) and last(call_name(item)) == "Middleware" and item.args:
                    obj.middleware.append(("constructor", self.middleware_entry(module, item.args[0], item.keywords, item, ())))
        elif middleware is not None:
            self.unresolve(module, call, "middleware", middleware)
        routes = kwarg(call, "routes")
        if isinstance(routes, (ast.List, ast.Tuple)):
            for item in routes.elts:
                self.starlette_route(module, obj.scope, obj, item)
        handlers = kwarg(call, "exception_handlers")
        if isinstance(handlers, ast.Dict):
            for key, value in zip(handlers.keys, handlers.values):
                if key is not None:
                    obj.exception_handlers.append((exception_name(key), module.where(key), self.function_for(module, value, obj.scope)))
        if obj.kind == "router":
            obj.prefix = self.resolver.resolve(module, kwarg(call, "prefix")) if kwarg(call, "prefix") is not None else Val("")
        if obj.framework == "fastapi":   # FastAPI(dependencies=...) applies to every route of that app's router
            obj.dependencies = list_items(kwarg(call, "dependencies"))

    def starlette_route(self, module, scope, obj, item):
        if not isinstance(item, ast.Call):
            return
        name = last(call_name(item))
        args = list(item.args)
        path = args[0] if args else kwarg(item, "path")
        if name in ("Route", "APIRoute") and len(args) + len(item.keywords) >= 2:
            endpoint = args[1] if len(args) > 1 else kwarg(item, "endpoint")
            methods = self.resolver.resolve(module, kwarg(item, "methods")) if kwarg(item, "methods") is not None else Val(["GET"])
            function = self.function_for(module, endpoint)
            obj.endpoints.append(self.endpoint(module, path, methods, function, item, [], False))
        elif name == "WebSocketRoute":
            obj.websockets.append((self.resolver.resolve(module, path), module.where(item), None, module))
        elif name == "Mount":
            target = args[1] if len(args) > 1 else kwarg(item, "app")
            self.mount(module, scope, obj, "mount", path, target, item)
        elif name == "Host":
            target = args[1] if len(args) > 1 else kwarg(item, "app")
            self.mount(module, scope, obj, "host", path, target, item)

    def function_for(self, module, expr, scope=None):
        cls = self.method_class.get((module.rel, scope)) if scope else None
        if cls is not None and isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id == "self":
            method = next((m for m in cls.body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef)) and m.name == expr.attr), None)
            return (module, method) if method is not None else None
        found = module.resolve_ref(expr) if expr is not None else None
        return (found[0], found[2]) if found and found[1] == "function" else None

    def operation(self, module, scope, obj, call, tests):
        method = call.func.attr
        args = list(call.args)
        if method == "add_middleware" and args:
            entry = self.middleware_entry(module, args[0], call.keywords, call, tests)
            obj.middleware.append(("added", entry))
        elif method == "include_router" and args:
            target = self.object_for(module, scope, args[0])
            if target is None:
                self.unresolve(module, call, "include_router", args[0])
            prefix = kwarg(call, "prefix")
            obj.includes.append((target, self.resolver.resolve(module, prefix) if prefix is not None else Val(""),
                                 list_items(kwarg(call, "dependencies")), call, module, tests))
        elif method == "mount" and args:
            target = args[1] if len(args) > 1 else kwarg(call, "app")
            self.mount(module, scope, obj, "mount", args[0], target, call, tests)
        elif method == "host" and args:
            target = args[1] if len(args) > 1 else kwarg(call, "app")
            self.mount(module, scope, obj, "host", args[0], target, call, tests)
        elif method == "add_exception_handler" and args:
            handler = self.function_for(module, args[1], scope) if len(args) > 1 else None
            obj.exception_handlers.append((exception_name(args[0]), module.where(call), handler))
        elif method in ("add_api_route", "add_route") and len(args) >= 2:
            methods = self.resolver.resolve(module, kwarg(call, "methods")) if kwarg(call, "methods") is not None else Val(["GET"])
            function = self.function_for(module, args[1], scope)
            obj.endpoints.append(self.endpoint(module, args[0], methods, function, call,
                                               list_items(kwarg(call, "dependencies")), kwarg(call, "include_in_schema"), tests))
        elif method in ("add_websocket_route", "add_api_websocket_route") and args:
            obj.websockets.append((self.resolver.resolve(module, args[0]), module.where(call), None, module))

    def decorated(self, module, scope, function, tests):
        for decorator in function.decorator_list:
            if not isinstance(decorator, ast.Call) or not isinstance(decorator.func, ast.Attribute):
                continue
            obj = self.object_for(module, scope, decorator.func.value)
            if obj is None:
                continue
            method = decorator.func.attr
            path = decorator.args[0] if decorator.args else kwarg(decorator, "path")
            if method in ROUTE_METHODS or method == "api_route" or method == "route":
                if method in ROUTE_METHODS:
                    methods = Val([method.upper()])
                else:
                    given = kwarg(decorator, "methods")
                    methods = self.resolver.resolve(module, given) if given is not None else Val(["GET"])
                obj.endpoints.append(self.endpoint(module, path, methods, (module, function), decorator,
                                                   list_items(kwarg(decorator, "dependencies")),
                                                   kwarg(decorator, "include_in_schema"), tests,
                                                   response_model=kwarg(decorator, "response_model")))
            elif method in ("websocket", "websocket_route"):
                obj.websockets.append((self.resolver.resolve(module, path), module.where(function), (module, function), module))
            elif method == "middleware":
                entry = {"type": "custom", "name": function.name, "source": module.where(function, end=True),
                         "args": [], "notes": [], "tests": tests, "function": (module, function)}
                obj.middleware.append(("added", entry))
            elif method == "exception_handler" and decorator.args:
                obj.exception_handlers.append((exception_name(decorator.args[0]), module.where(function), (module, function)))

    def mount(self, module, scope, obj, kind, path, target, node, tests=()):
        where = module.where(node)
        if isinstance(target, ast.Call) and last(call_name(target)) == "StaticFiles":
            directory = kwarg(target, "directory")
            html = kwarg(target, "html")
            obj.static.append((self.resolver.resolve(module, path), self.resolver.resolve(module, directory) if directory is not None else Val(expr="packages"),
                               isinstance(html, ast.Constant) and html.value is True, where, module))
            return
        sub = self.object_for(module, scope, target) if target is not None else None
        if sub is None:
            self.note_unresolved(f"{where}: {kind} of {text_of(target) if target is not None else '?'} (not an app the code creates)")
            return
        obj.mounts.append((kind, self.resolver.resolve(module, path), sub, where, module, tests))
        sub.mounted = True

    def endpoint(self, module, path, methods, function, node, dependencies, include_in_schema, tests=(), response_model=None):
        return {"module": module, "path": self.resolver.resolve(module, path) if path is not None else Val(""),
                "methods": methods, "function": function, "node": node, "dependencies": dependencies,
                "include_in_schema": include_in_schema, "tests": tests, "response_model": response_model}

    # -- middleware

    def middleware_entry(self, module, cls, keywords, node, tests):
        qualified = module.qualified(cls) or text_of(cls)
        name = last(qualified)
        kind = MIDDLEWARE_TYPES.get(name)
        if kind is None and ("slowapi" in qualified or "RateLimit" in name):
            kind = "rate_limit"
        entry = {"type": kind or "custom", "name": name, "source": module.where(node, end=True), "args": [],
                 "notes": [], "tests": tests}
        if kind == "rate_limit" and "slowapi" in qualified:
            entry["args"].append(("library", "slowapi", None))
        known = MIDDLEWARE_ARGS.get(kind, {})
        for keyword in keywords:
            if keyword.arg is None:
                entry["notes"].append(f"unresolved: **{text_of(keyword.value)} ({module.where(keyword.value)})")
                self.note_unresolved(f"{module.where(keyword.value)}: {name}(**{text_of(keyword.value)})")
                continue
            if kind == "session" and keyword.arg == "secret_key":
                value = self.resolver.resolve(module, keyword.value)
                source = "literal" if value.ok and not value.env else ("environment" if value.env else None)
                if source:
                    entry["args"].append(("secret_key_source", source, f"{module.where(keyword.value)} {value.detail()}".strip()))
                continue
            spec = known.get(keyword.arg)
            if spec is None:
                continue
            key, shape = (spec if isinstance(spec, tuple) else (keyword.arg, spec))
            value = self.resolver.resolve(module, keyword.value)
            where = module.where(keyword.value)
            if value.ok and fits(value.value, shape):
                entry["args"].append((key, value.value, f"{where} {value.detail()}".strip()))
            elif value.ok and value.value is None and (kind, keyword.arg) in NONE_DEFAULT_ARGS:
                entry["notes"].append(f"{key} = {text_of(keyword.value)} is None, the default ({where}"
                                      + (f"; {value.detail()}" if value.detail() else "") + ")")
            else:
                entry["notes"].append(f"UNRESOLVED {key} = {text_of(keyword.value)} ({where}"
                                      + (f"; {value.detail()}" if value.detail() else "") + "): state it")
                self.note_unresolved(f"{where}: {name} {key} = {text_of(keyword.value)}" +
                                     (f" ({value.detail()})" if value.detail() else ""))
        return entry

    def unresolve(self, module, node, what, expr):
        self.note_unresolved(f"{module.where(node)}: {what} = {text_of(expr)}")

    def note_unresolved(self, text):
        if text not in self.unresolved:
            self.unresolved.append(text)


CATCH_ALL = {"Exception", "BaseException", "500"}


def detail_text(node, names):
    """Where `node` puts an exception's text into a value: `str(e)`, `repr(e)`, `f"{e}"`, `e.args`,
    `traceback.format_exc()`; None when it does not."""
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call):
            name = dotted(inner.func) or ""
            if name in ("str", "repr") and inner.args and isinstance(inner.args[0], ast.Name) and inner.args[0].id in names:
                return text_of(inner)
            if name.startswith("traceback.format"):
                return text_of(inner)
        if isinstance(inner, ast.FormattedValue) and isinstance(inner.value, ast.Name) and inner.value.id in names:
            return "f-string of the exception"
        if isinstance(inner, ast.Attribute) and inner.attr == "args" and isinstance(inner.value, ast.Name) and inner.value.id in names:
            return text_of(inner)
    return None


def returned_detail(body, names):
    for statement in body:
        for node in ast.walk(statement):
            if isinstance(node, ast.Return) and node.value is not None:
                found = detail_text(node.value, names)
                if found:
                    return found
    return None


def exposed_details(function, exception):
    """How a catch-all exception handler returns the exception's text to the client, or None."""
    if function is None or exception not in CATCH_ALL:
        return None
    module, node = function
    names = [a.arg for a, _ in parameters(node)][1:2]
    found = returned_detail(node.body, names) if names else None
    return f"{module.where(node)} returns {found}" if found else None


def catch_all_exposure(function):
    """`file:line` of an `except Exception as e:` in a middleware function that returns the exception's text."""
    module, node = function
    for handler in ast.walk(node):
        if not isinstance(handler, ast.ExceptHandler) or handler.name is None:
            continue
        caught = handler.type
        types = caught.elts if isinstance(caught, ast.Tuple) else [caught]
        if not any(last(dotted(t)) in ("Exception", "BaseException") for t in types if t is not None):
            continue
        if returned_detail(handler.body, [handler.name]):
            return module.where(handler)
    return None


def fits(value, shape):
    if shape == "strings":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if shape == "string":
        return isinstance(value, str)
    if shape == "url":
        return value is None or isinstance(value, str)
    if shape == "bool":
        return isinstance(value, bool)
    if shape == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    return False


def list_items(expr):
    return list(expr.elts) if isinstance(expr, (ast.List, ast.Tuple)) else []


def exception_name(expr):
    if isinstance(expr, ast.Constant):
        return str(expr.value)
    return last(dotted(expr)) or text_of(expr)


def safe_id(name):
    cleaned = re.sub(r"[^A-Za-z0-9_-]", "_", name).strip("_") or "auth"
    return "none_" if cleaned == "none" else cleaned


# ---------------------------------------------------------------- dependencies → auth mechanisms

class AuthChain:
    """What a set of `Depends`/`Security` references reaches: mechanisms, any-of groups, JWT decodes,
    and references it could not follow."""

    def __init__(self):
        self.mechanisms = []   # mechanism dicts, in order
        self.any_of = []       # lists of mechanism dicts one dependency tries in turn
        self.unfollowed = []
        self.scopes = []

    def add(self, mechanism):
        if mechanism not in self.mechanisms:
            self.mechanisms.append(mechanism)


def depends_target(module, expr):
    """(target expression, scopes) for `Depends(x)` / `Security(x, scopes=[...])`, else None."""
    if isinstance(expr, ast.Call) and last(call_name(expr)) in ("Depends", "Security"):
        target = expr.args[0] if expr.args else kwarg(expr, "dependency")
        scopes = kwarg(expr, "scopes")
        scope_list = [e.value for e in list_items(scopes) if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        return target, scope_list
    return None


def parameters(function):
    arguments = function.args
    positional = arguments.posonlyargs + arguments.args
    defaults = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
    pairs = list(zip(positional, defaults)) + list(zip(arguments.kwonlyargs, arguments.kw_defaults))
    return pairs


class AuthResolver:
    def __init__(self, extraction):
        self.extraction = extraction
        self.project = extraction.project
        self.method_index = None

    def dependency_refs(self, module, function):
        """(module, Depends call) for every dependency a function's parameters declare."""
        refs = []
        for argument, default in parameters(function):
            if default is not None and depends_target(module, default):
                refs.append((module, default, argument))
            for call in self.annotation_depends(module, argument.annotation):
                refs.append(call + (argument,))
        return refs

    def annotation_depends(self, module, annotation, depth=0):
        if annotation is None or depth > MAX_DEPTH:
            return []
        if isinstance(annotation, ast.Subscript) and last(dotted(annotation.value)) == "Annotated":
            inner = annotation.slice
            items = inner.elts if isinstance(inner, ast.Tuple) else [inner]
            return [(module, item) for item in items[1:] if depends_target(module, item)]
        if isinstance(annotation, (ast.Name, ast.Attribute)):
            found = module.resolve_ref(annotation)
            if found and found[1] == "assign":
                return self.annotation_depends(found[0], found[2], depth + 1)
        return []

    def chain(self, module, calls, depth=0, chain=None):
        """Follows `Depends` calls (each (module, call)) to the mechanisms they reach."""
        chain = chain or AuthChain()
        for item in calls:
            target_module, call = item[0], item[1]
            target = depends_target(target_module, call)
            if target is None or target[0] is None:
                continue
            chain.scopes += [s for s in target[1] if s not in chain.scopes]
            self.follow(target_module, target[0], depth, chain)
        return chain

    def follow(self, module, expr, depth, chain):
        if depth > MAX_DEPTH:
            return
        found = module.resolve_ref(expr)
        if found is None:
            if isinstance(expr, ast.Call):  # Depends(SomeScheme(...)) inline, or a factory call
                kind = last(call_name(expr))
                if kind in SECURITY_CLASSES:
                    key = (module.rel, f"{kind}@{expr.lineno}")
                    if key not in self.extraction.schemes:
                        self.extraction.add_scheme(module, f"{kind.lower()}_{expr.lineno}", expr)
                        self.extraction.schemes[key] = self.extraction.schemes.pop((module.rel, f"{kind.lower()}_{expr.lineno}"))
                    chain.add(self.extraction.schemes[key])
                    return
                if self.follow_factory(module, expr, depth, chain):
                    return
            chain.unfollowed.append(f"{module.where(expr)}: {text_of(expr)}")
            return
        target_module, kind, node = found
        if kind == "assign" and isinstance(node, ast.Call):
            name = last(call_name(node))
            var = dotted(expr).rsplit(".", 1)[-1]
            if name in SECURITY_CLASSES:
                key = (target_module.rel, var)
                if key not in self.extraction.schemes:
                    self.extraction.add_scheme(target_module, var, node)
                chain.add(self.extraction.schemes[key])
            else:   # `_Write = Authenticator(scopes=...)`, then `Depends(_Write)`
                self.follow_factory(target_module, node, depth, chain)
            return
        if kind != "function":
            return
        if node.name in target_module.conditional and not getattr(chain, "switching", False):
            if self.switched(target_module, node, depth, chain):
                return
        self.follow_function(target_module, node, depth, chain)

    def follow_function(self, target_module, node, depth, chain):
        before = len(chain.mechanisms)
        refs = self.dependency_refs(target_module, node)
        direct = []
        for ref in refs:
            sub = AuthChain()
            self.chain(ref[0], [ref[:2]], depth + 1, sub)
            for mechanism in sub.mechanisms:
                chain.add(mechanism)
                direct.append(mechanism)
            chain.unfollowed += sub.unfollowed
            chain.scopes += [s for s in sub.scopes if s not in chain.scopes]
            chain.any_of += sub.any_of
        if len(direct) > 1 and all(m.get("optional") for m in direct[:-1]):
            chain.any_of.append(direct)
        custom = self.custom_credential(target_module, node)
        dispatched = None
        if custom is None and len(chain.mechanisms) == before:
            dispatched = self.dispatched_method(target_module, node)
            if dispatched is not None:
                found_custom = self.custom_credential(dispatched[0], dispatched[1])
                if found_custom is not None:
                    custom = dict(found_custom, id=safe_id(node.name), source=target_module.where(node),
                                  jwt=[], via=f"{dispatched[0].where(dispatched[1])} {dispatched[2]}.{dispatched[1].name}")
                    self.extraction.custom_auth[(target_module.rel, node.name, node.lineno)] = custom
        if custom and len(chain.mechanisms) == before:
            chain.add(custom)
        if len(chain.mechanisms) == before:
            opaque = self.opaque_auth(target_module, node)
            if opaque:
                chain.add(opaque)
        reached = chain.mechanisms[before:] or chain.mechanisms
        bearers = [m for m in reached if m["type"] in ("oauth2_jwt", "jwt")]
        records = self.jwt_decodes(target_module, node, 0)
        if dispatched is not None:
            records += self.jwt_decodes(dispatched[0], dispatched[1], 1)
        for record in records:
            for mechanism in bearers or reached:
                if record not in mechanism["jwt"]:
                    mechanism["jwt"].append(record)

    def follow_factory(self, module, call, depth, chain):
        """`Depends(Authenticator(scopes=...))`: the dependency is what a project factory builds: an
        instance of a project class (followed through its `__call__`), or, when nothing is reached that
        way, a custom mechanism named after an auth-named factory. Whether anything was reached."""
        factory = module.resolve_ref(call.func) if isinstance(call.func, (ast.Name, ast.Attribute)) else None
        if not factory or factory[1] not in ("class", "function") or depth > MAX_DEPTH:
            return False
        if factory[1] == "class":
            method = next((m for m in factory[2].body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))
                           and m.name == "__call__"), None)
            if method is not None:
                sub = AuthChain()
                self.follow_function(factory[0], method, depth + 1, sub)
                if sub.mechanisms and not all(m.get("opaque") for m in sub.mechanisms):
                    for mechanism in sub.mechanisms:
                        chain.add(mechanism)
                    return True
                refusing = self.opaque_auth(factory[0], method)
                if refusing is not None:   # a `__call__` that refuses: named after its class
                    key = (factory[0].rel, factory[2].name, factory[2].lineno, "instance")
                    if key not in self.extraction.custom_auth:
                        self.extraction.custom_auth[key] = dict(refusing, id=safe_id(factory[2].name), source=factory[0].where(factory[2]))
                    chain.add(self.extraction.custom_auth[key])
                    return True
        opaque = self.opaque_auth(factory[0], factory[2])
        if opaque:
            chain.add(opaque)
            return True
        return False

    def switched(self, module, function, depth, chain):
        """A dependency defined twice under a module-level `if` on a setting (`if not settings.auth.enabled:
        def authenticated(): return True` / `else: def authenticated(...)`): the mechanism of the branch
        that authenticates, marked on or off by default as the setting's default value decides."""
        test, when_true, when_false = module.conditional[function.name]
        value = self.extraction.resolver.resolve(module, test)
        if not value.ok:
            return False
        reached = []
        for branch in (when_true, when_false):
            sub = AuthChain()
            sub.switching = True
            self.follow_function(module, branch, depth + 1, sub)
            reached.append(sub.mechanisms)
        active, inactive = (reached[0], reached[1]) if value.value else (reached[1], reached[0])
        opaque = lambda mechanisms: all(m.get("opaque") for m in mechanisms)
        if (not active or opaque(active)) and inactive and not opaque(inactive):
            setting = value.env[0][0] if value.env else (value.dotenv[0][0] if value.dotenv else text_of(test))
            where = value.env[0][1] if value.env else (value.dotenv[0][2] if value.dotenv else module.where(test))
            for mechanism in inactive:
                switched = dict(mechanism, enabled_by_setting=setting, enabled_by_default=False,
                                switch=f"{module.where(test)}: off unless {setting} ({where})")
                key = (module.rel, function.name, "switched", mechanism["id"])
                self.extraction.custom_auth.setdefault(key, switched)
                chain.add(self.extraction.custom_auth[key])
            return True
        return False

    def dispatched_method(self, module, function):
        """(module, method, class name) a dependency reaches through a plugin it looks up at run time
        (`provider = plugins.get(SLUG); provider.get_current_user(request)`): the project's methods of
        that name which read a header; among several, the one whose class holds a constant the
        dependency's module-level names resolve to (`slug = "basic"` for `SLUG = "basic"`). Read, never run."""
        if self.method_index is None:
            self.method_index = {}
            for candidate_module in self.project.modules.values():
                for cls in candidate_module.classes.values():
                    for member in cls.body:
                        if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)):
                            self.method_index.setdefault(member.name, []).append((candidate_module, member, cls))
        request_names = {a.arg for a, _ in parameters(function)}
        for call in ast.walk(function):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name)):
                continue
            if module.resolve_ref(call.func.value) is not None or \
                    not any(isinstance(a, ast.Name) and a.id in request_names for a in call.args):
                continue
            candidates = [c for c in self.method_index.get(call.func.attr, [])[:50]
                          if self.custom_credential(c[0], c[1]) is not None]
            if len(candidates) > 1:
                wanted = set()
                for name in ast.walk(function):
                    if isinstance(name, (ast.Name, ast.Attribute)) and isinstance(getattr(name, "ctx", None), ast.Load):
                        value = self.extraction.resolver.resolve(module, name)
                        if value.ok and isinstance(value.value, str) and value.value and not NUMBER_TEXT.fullmatch(value.value.strip()):
                            wanted.add(value.value)
                candidates = [c for c in candidates if any(
                    isinstance(member, ast.Assign) and isinstance(member.value, ast.Constant) and member.value.value in wanted
                    for member in c[2].body)]
            if len(candidates) == 1:
                return candidates[0][0], candidates[0][1], candidates[0][2].name
        return None

    def jwt_decodes(self, module, function, depth):
        """`jwt.decode` calls in a function and in the project functions it calls (two levels)."""
        records = []
        for call in ast.walk(function):
            if not isinstance(call, ast.Call):
                continue
            if self.is_jwt_decode(module, call):
                records.append(self.jwt_record(module, call))
            elif depth < 2 and isinstance(call.func, (ast.Name, ast.Attribute)):
                found = module.resolve_ref(call.func)
                if found and found[1] == "function" and found[2] is not function:
                    records += self.jwt_decodes(found[0], found[2], depth + 1)
        return records

    def custom_credential(self, module, function):
        """A dependency that reads a header or cookie itself: `Header()`/`Cookie()` parameters or
        `request.headers[...]` / `request.cookies.get(...)`."""
        key = (module.rel, function.name, function.lineno)
        if key in self.extraction.custom_auth:
            return self.extraction.custom_auth[key]
        found = None
        for argument, default in parameters(function):
            call = default if isinstance(default, ast.Call) else None
            if call is None and isinstance(argument.annotation, ast.Subscript):
                items = argument.annotation.slice.elts if isinstance(argument.annotation.slice, ast.Tuple) else []
                call = next((x for x in items[1:] if isinstance(x, ast.Call)), None)
            kind = last(call_name(call)) if call is not None else None
            if kind in ("Header", "Cookie"):
                alias = kwarg(call, "alias")
                parameter = alias.value if isinstance(alias, ast.Constant) else (
                    argument.arg.replace("_", "-") if kind == "Header" else argument.arg)
                found = (kind.lower(), parameter, argument)
                break
        if found is None:
            for node in ast.walk(function):
                target = None
                if isinstance(node, ast.Subscript):
                    target, key_expr = node.value, node.slice
                elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args:
                    target, key_expr = node.func.value, node.args[0]
                if isinstance(target, ast.Attribute) and target.attr in ("headers", "cookies") and isinstance(key_expr, ast.Constant) \
                        and isinstance(key_expr.value, str):
                    found = ("header" if target.attr == "headers" else "cookie", key_expr.value, node)
                    break
        if found is None or (found[0] == "header" and found[1].lower() in ("user-agent", "accept", "content-type", "x-request-id")):
            self.extraction.custom_auth[key] = None
            return None
        mechanism = {"id": safe_id(function.name), "type": "custom", "transport": found[0], "parameter": found[1],
                     "source": module.where(function), "class": None, "jwt": [], "optional": False}
        self.extraction.custom_auth[key] = mechanism
        return mechanism

    AUTH_NAME = re.compile(r"auth|user|admin|login|token|principal|permission|verify|credential|staff|api_?key|identity|account|guard|polic", re.I)
    NOT_AUTH_NAME = re.compile(r"db|database|repo|service|settings|config|client|session", re.I)

    def opaque_auth(self, module, function):
        """A dependency that reaches no known scheme but authenticates by its name (`get_current_user`)
        or by raising 401/403: a custom mechanism named after it, so its routes never look unauthenticated."""
        key = (module.rel, function.name, "opaque")
        if key in self.extraction.custom_auth:
            return self.extraction.custom_auth[key]
        named = self.AUTH_NAME.search(function.name) and not self.NOT_AUTH_NAME.search(function.name)
        refuses = any(isinstance(n, (ast.Constant, ast.Attribute)) and
                      (getattr(n, "value", None) in (401, 403) or getattr(n, "attr", "").startswith(("HTTP_401", "HTTP_403")))
                      for n in ast.walk(function))
        mechanism = None
        if named or refuses:
            mechanism = {"id": safe_id(function.name), "type": "custom", "transport": None, "parameter": None,
                         "source": module.where(function), "class": None, "jwt": [], "optional": False, "opaque": True}
        self.extraction.custom_auth[key] = mechanism
        return mechanism

    def is_jwt_decode(self, module, call):
        name = module.qualified(call.func) or ""
        return name.endswith("jwt.decode") or name in ("jose.jwt.decode", "jwt.decode")

    def jwt_record(self, module, call):
        qualified = module.qualified(call.func) or ""
        library = "python-jose" if "jose" in qualified else ("authlib" if "authlib" in qualified else "pyjwt")
        record = {"library": library, "source": module.where(call)}
        algorithms = kwarg(call, "algorithms")
        if algorithms is not None:
            value = self.extraction.resolver.resolve(module, algorithms)
            if value.ok and isinstance(value.value, str):
                value = Val([value.value])
            record["algorithms"] = value.value if value.ok and isinstance(value.value, list) else None
            if not value.ok:
                self.extraction.note_unresolved(f"{module.where(algorithms)}: jwt.decode algorithms = {text_of(algorithms)}")
        options = kwarg(call, "options")
        if isinstance(options, ast.Dict):
            for key, value in zip(options.keys, options.values):
                if isinstance(key, ast.Constant) and isinstance(value, ast.Constant) and value.value is False:
                    if key.value == "verify_signature":
                        record["verifies_signature"] = False
                    if key.value == "verify_exp":
                        record["verifies_expiry"] = False
                    if key.value == "verify_aud":
                        record["verifies_audience"] = False
        secret = call.args[1] if len(call.args) > 1 else kwarg(call, "key")
        if secret is not None:
            value = self.extraction.resolver.resolve(module, secret)
            if value.env:
                record["secret_source"] = "environment"
            elif value.ok and isinstance(value.value, str):
                record["secret_source"] = "literal"
        return record


# ---------------------------------------------------------------- dangerous capabilities

class Taint(set):
    """Request-derived names; `confined` holds those whose every request-derived part went through
    a file-name sanitiser (`os.path.basename`, `secure_filename`, `Path(x).name`): one path component."""

    def __init__(self, names=(), confined=()):
        super().__init__(names)
        self.confined = set(confined)


PATH_SANITISERS = {"basename", "secure_filename"}


def is_path_sanitiser(node):
    if isinstance(node, ast.Call) and last(call_name(node)) in PATH_SANITISERS:
        return True
    return isinstance(node, ast.Attribute) and node.attr in ("name", "stem") and isinstance(node.value, ast.Call) \
        and last(call_name(node.value)) in ("Path", "PurePath", "PurePosixPath")


def unconfined(expr, tainted):
    """Whether `expr` uses a request-derived name outside a file-name sanitiser."""
    if is_path_sanitiser(expr):
        return False
    if isinstance(expr, ast.Name):
        return expr.id in tainted and expr.id not in getattr(tainted, "confined", ())
    return any(unconfined(child, tainted) for child in ast.iter_child_nodes(expr))


PASSWORD_CHECK = re.compile(r"^(?:verify_password|check_password|checkpw|password_verify|verify_password_hash)$", re.I)


def password_check(module, function):
    """`file:line call` where a handler checks a password itself (`user.verify_password(form.password)`,
    `bcrypt.checkpw`, `pwd_context.verify(form.password, ...)`); else None."""
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and PASSWORD_CHECK.match(last(dotted(node.func)) or ""):
            return f"{module.where(node)} {last(dotted(node.func))}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "verify" \
                and any(isinstance(a, ast.Attribute) and a.attr == "password" for a in node.args):
            return f"{module.where(node)} {text_of(node.func)}"
    return None


# A POST whose last path segment names a read (`/collections/{id}/get`, `/query`, `/messages/count_tokens`).
READ_PATH = re.compile(r"/(?:get|query|search|count|count[_-]tokens|list|find|lookup|preview|estimate)/?$", re.I)
HEALTH_PATH = re.compile(r"(?:^|/)(?:health|healthz|healthcheck|health-check|health_check|livez?|liveness|readyz?|readiness|ping)/?$", re.I)
HTTP_CLIENTS = ("requests.", "httpx.", "aiohttp.", "urllib.request.urlopen", "urllib3.")
HTTP_VERBS = {"get", "post", "put", "patch", "delete", "head", "request", "stream", "urlopen", "options"}


class CapabilityScanner:
    """What a handler (or a background task) does with request-derived values: commands, code,
    files, URL fetches, uploads. A value is request-derived when it comes from a handler parameter
    that is not a dependency, directly or through local assignments."""

    def __init__(self, extraction):
        self.extraction = extraction

    def tainted_parameters(self, module, function, everything=False):
        names, uploads = set(), False
        for argument, default in parameters(function):
            if argument.arg in ("self", "cls"):
                continue
            annotation = text_of(argument.annotation) if argument.annotation is not None else ""
            if "UploadFile" in annotation or (isinstance(default, ast.Call) and last(call_name(default)) == "File"):
                uploads = True
            if default is not None and depends_target(module, default):
                continue
            if "Depends(" in annotation or "Session" in annotation or \
                    self.extraction.auth.annotation_depends(module, argument.annotation):
                continue
            names.add(argument.arg)
        return names, uploads

    def scan(self, module, function, tainted, depth=0, seen=None):
        """(capabilities dict, background tasks) for `function` with `tainted` names."""
        seen = seen if seen is not None else set()
        caps = {"file_access": []}
        tasks = []
        if (module.rel, function.lineno) in seen or depth > 2:
            return caps, tasks
        seen.add((module.rel, function.lineno))
        tainted = Taint(tainted, getattr(tainted, "confined", ()))
        for _ in range(2):  # forward propagation through assignments; twice for loops
            for node in ast.walk(function):
                if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and node.value is not None:
                    if self.derived(node.value, tainted):
                        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                        confined = not unconfined(node.value, tainted) and not isinstance(node, ast.AugAssign)
                        for target in targets:
                            for name in ast.walk(target):
                                if isinstance(name, ast.Name):
                                    if confined and (name.id not in tainted or name.id in tainted.confined):
                                        tainted.confined.add(name.id)
                                    elif not confined:
                                        tainted.confined.discard(name.id)
                                    tainted.add(name.id)
                elif isinstance(node, (ast.For, ast.AsyncFor, ast.withitem)):
                    source = node.iter if isinstance(node, (ast.For, ast.AsyncFor)) else node.context_expr
                    target = node.target if isinstance(node, (ast.For, ast.AsyncFor)) else node.optional_vars
                    if target is not None and self.derived(source, tainted):
                        for name in ast.walk(target):
                            if isinstance(name, ast.Name):
                                tainted.add(name.id)
        for node in ast.walk(function):
            if isinstance(node, ast.Call):
                self.call(module, node, tainted, caps, tasks, depth, seen)
        return caps, tasks

    def derived(self, expr, tainted):
        for node in ast.walk(expr):
            if isinstance(node, ast.Name) and node.id in tainted:
                return True
        return False

    def call(self, module, call, tainted, caps, tasks, depth, seen):
        name = module.qualified(call.func) or ""
        short = last(name) or ""
        args = list(call.args) + [k.value for k in call.keywords]
        any_derived = any(self.derived(a, tainted) for a in args)
        where = module.where(call)
        if name.startswith("subprocess.") or name.startswith("asyncio.create_subprocess") or name in ("os.system", "os.popen"):
            shell = kwarg(call, "shell")
            is_shell = name in ("os.system", "os.popen", "asyncio.create_subprocess_shell") or \
                (isinstance(shell, ast.Constant) and shell.value is True)
            if any_derived:
                self.set_runs(caps, "shell_command" if is_shell else "program_arguments", where)
            else:
                self.set_runs(caps, "fixed_command", where)
        elif short in ("eval", "exec") and name in ("eval", "exec") and any_derived:
            self.set_runs(caps, "python_code", where)
        elif name in ("pickle.loads", "pickle.load", "marshal.loads", "yaml.load", "dill.loads") and any_derived:
            if name != "yaml.load" or not kwarg(call, "Loader") or "Safe" not in text_of(kwarg(call, "Loader")):
                self.set_runs(caps, "python_code", where)
        elif name == "open" and call.args:
            mode = call.args[1] if len(call.args) > 1 else kwarg(call, "mode")
            text = mode.value if isinstance(mode, ast.Constant) and isinstance(mode.value, str) else "r"
            operation = "write" if any(c in text for c in "wax+") else "read"
            self.file(caps, operation, call.args[0], tainted, where)
        elif isinstance(call.func, ast.Attribute) and call.func.attr in ("write_bytes", "write_text", "read_bytes",
                                                                         "read_text", "unlink", "open") \
                and isinstance(call.func.value, ast.Call) and last(call_name(call.func.value)) == "Path" and call.func.value.args:
            operation = "write" if call.func.attr.startswith("write") else ("delete" if call.func.attr == "unlink" else "read")
            self.file(caps, operation, call.func.value.args[0], tainted, where)
        elif name in ("os.remove", "os.unlink", "shutil.rmtree") and call.args:
            self.file(caps, "delete", call.args[0], tainted, where)
        elif name in ("aiofiles.open",) and call.args:
            mode = call.args[1] if len(call.args) > 1 else kwarg(call, "mode")
            text = mode.value if isinstance(mode, ast.Constant) and isinstance(mode.value, str) else "r"
            self.file(caps, "write" if any(c in text for c in "wax+") else "read", call.args[0], tainted, where)
        elif short == "FileResponse" and call.args:
            self.file(caps, "read", call.args[0], tainted, where)
        elif (name.startswith(HTTP_CLIENTS) or (isinstance(call.func, ast.Attribute) and call.func.attr in HTTP_VERBS
                                                and self.looks_like_client(module, call.func.value))) and call.args:
            url = call.args[1] if short == "request" and len(call.args) > 1 else call.args[0]
            if self.derived(url, tainted) and "fetches_url" not in caps:
                follows = kwarg(call, "follow_redirects") or kwarg(call, "allow_redirects")
                fetch = {"source": where}
                if name.startswith("requests."):
                    fetch["follows_redirects"] = not (isinstance(follows, ast.Constant) and follows.value is False)
                elif isinstance(follows, ast.Constant) and isinstance(follows.value, bool):
                    fetch["follows_redirects"] = follows.value
                caps["fetches_url"] = fetch
        elif isinstance(call.func, ast.Attribute) and call.func.attr == "add_task" and call.args:
            task = module.resolve_ref(call.args[0]) if isinstance(call.args[0], (ast.Name, ast.Attribute)) else None
            passes = any(self.derived(a, tainted) for a in call.args[1:]) or any(self.derived(k.value, tainted) for k in call.keywords)
            name_text = dotted(call.args[0]) or text_of(call.args[0])
            entry = {"name": last(name_text), "source": where, "caps": None}
            if task and task[1] == "function":
                sub_tainted = set()
                if passes:
                    sub_tainted = {a.arg for a, _ in parameters(task[2])}
                sub_caps, _ = self.scan(task[0], task[2], sub_tainted, depth + 1, seen)
                entry["caps"] = sub_caps
                entry["source"] = task[0].where(task[2])
            tasks.append(entry)
        else:
            found = module.resolve_ref(call.func) if isinstance(call.func, (ast.Name, ast.Attribute)) else None
            if found and found[1] == "function" and any_derived and depth < 2:
                function = found[2]
                positional = [a.arg for a, _ in parameters(function)]
                sub_tainted = Taint({positional[index] for index, arg in enumerate(call.args)
                                     if index < len(positional) and self.derived(arg, tainted)})
                sub_tainted |= {k.arg for k in call.keywords if k.arg and self.derived(k.value, tainted)}
                sub_tainted.confined = {positional[index] for index, arg in enumerate(call.args)
                                        if index < len(positional) and self.derived(arg, tainted) and not unconfined(arg, tainted)}
                sub_tainted.confined |= {k.arg for k in call.keywords if k.arg and self.derived(k.value, tainted)
                                         and not unconfined(k.value, tainted)}
                sub_caps, sub_tasks = self.scan(found[0], function, sub_tainted, depth + 1, seen)
                merge_caps(caps, sub_caps)
                tasks += sub_tasks

    def looks_like_client(self, module, expr):
        text = text_of(expr).lower()
        return any(word in text for word in ("client", "httpx", "requests", "http"))

    def set_runs(self, caps, kind, where):
        order = ["fixed_command", "program_arguments", "python_code", "shell_command"]
        current = caps.get("runs")
        if current is None or order.index(kind) > order.index(current[0]):
            caps["runs"] = (kind, where)

    def file(self, caps, operation, path, tainted, where):
        if not self.derived(path, tainted):
            return
        text = text_of(path)
        origin = "upload_filename" if ".filename" in text else "client_path"
        entry = {"operation": operation, "path_from": origin, "source": where}
        if not unconfined(path, tainted):
            entry["confined"] = True
        if entry not in caps["file_access"]:
            caps["file_access"].append(entry)


def merge_caps(into, other):
    if "runs" in other:
        order = ["fixed_command", "program_arguments", "python_code", "shell_command"]
        if "runs" not in into or order.index(other["runs"][0]) > order.index(into["runs"][0]):
            into["runs"] = other["runs"]
    for entry in other.get("file_access", []):
        if entry not in into["file_access"]:
            into["file_access"].append(entry)
    if "fetches_url" in other and "fetches_url" not in into:
        into["fetches_url"] = other["fetches_url"]


# ---------------------------------------------------------------- the drafted model

class Builder:
    def __init__(self, extraction):
        self.x = extraction
        self.mechanisms_used = []
        self.counts = {"apps": 0, "middleware": 0, "routers": 0, "endpoints": 0, "websockets": 0}
        self.scanner = CapabilityScanner(extraction)
        self.background = []
        self.router_websockets = []
        self.versions = {}

    def use(self, mechanism):
        if mechanism not in self.mechanisms_used:
            self.mechanisms_used.append(mechanism)
        return mechanism["id"]

    def val_node(self, value, where, shape=None):
        comment = f"{where}" + (f" ({value.detail()})" if value.detail() else "")
        return node_of(value.value, comment) if value.ok else None

    def app_settings(self, obj):
        call, module = obj.call, obj.module
        pairs = [("framework", s(obj.framework))]
        notes = []
        for key, shape in APP_ARGS.items():
            expr = kwarg(call, key)
            if expr is None:
                continue
            value = self.x.resolver.resolve(module, expr)
            where = module.where(expr)
            if value.ok and fits(value.value, shape):
                comment = where + (f" ({value.detail()})" if value.detail() else "")
                pairs.append((key, null(comment) if value.value is None else node_of(value.value, comment)))
            else:
                notes.append(f"UNRESOLVED {key} = {text_of(expr)} ({where}): state it")
                self.x.note_unresolved(f"{where}: {key} = {text_of(expr)}" + (f" ({value.detail()})" if value.detail() else ""))
        if obj.middleware:
            pairs.append(("middleware_style", s("constructor_list", "listed in execution order, outermost first")))
        handlers = [(name, where, exposed_details(function, name)) for name, where, function in obj.exception_handlers]
        for kind, entry in obj.middleware:
            # A custom middleware that catches every exception and answers with its text is the app's catch-all handler.
            caught = catch_all_exposure(entry["function"]) if entry.get("function") else None
            if caught:
                handlers.append(("Exception", caught, f"{entry['name']} answers a caught Exception with its text ({caught})"))
        if handlers:
            pairs.append(("exception_handlers", seq([mp([("exception", s(name)),
                                                          ("exposes_details", b(True, exposed) if exposed else None),
                                                          ("source", s(where))])
                                                     for name, where, exposed in handlers])))
        pairs.append(("source", s(obj.where())))
        node = mp(pairs)
        for note in notes:
            node["map"].append({"note": note})
        return node

    def middleware(self, obj):
        # Starlette runs user_middleware in list order; add_middleware inserts at 0, so the last
        # added runs first, before the constructor list.
        added = [entry for kind, entry in obj.middleware if kind == "added"]
        listed = [entry for kind, entry in obj.middleware if kind == "constructor"]
        ordered = list(reversed(added)) + listed
        items, seen = [], {}
        for entry in ordered:
            pairs = [("type", s(entry["type"]))]
            seen[entry["type"]] = seen.get(entry["type"], 0) + 1
            if seen[entry["type"]] > 1 or (entry["type"] == "custom"):
                pairs.append(("id", s(f"{safe_id(entry['name'] or entry['type'])}_{seen[entry['type']]}"
                                      if seen[entry["type"]] > 1 else safe_id(entry["name"] or "custom"))))
            pairs.append(("name", s(entry["name"])))
            for key, value, where in entry["args"]:
                pairs.append((key, node_of(value, where)))
            pairs.append(("source", s(entry["source"])))
            notes = list(entry["notes"])
            if entry["tests"]:
                notes.append("registered only " + " and ".join(map(str, entry["tests"])) + ": say in which environments")
                self.x.questions.append(f"{entry['source']}: {entry['name']} is registered only {' and '.join(map(str, entry['tests']))}; "
                                        "in which environments does that hold?")
            node = mp(pairs)
            for note in notes:
                node["map"].append({"note": note})
            node["_tests"] = entry["tests"]
            items.append(node)
        # ids must be unique: later duplicates of a custom name get a suffix
        ids = {}
        for node in items:
            for pair in node["map"]:
                if isinstance(pair, list) and pair[0] == "id":
                    text = pair[1]["str"]
                    ids[text] = ids.get(text, 0) + 1
                    if ids[text] > 1:
                        pair[1]["str"] = f"{text}_{ids[text]}"
        self.counts["middleware"] += len(items)
        return items

    def routers(self, obj):
        routers = []
        chain = self.x.auth.chain(obj.module, [(obj.module, d) for d in obj.dependencies])
        mechanisms = chain.mechanisms
        if obj.endpoints:
            pairs = [("name", s(obj.var))]
            if mechanisms:
                pairs.append(("dependencies", seq([s(self.use(m)) for m in mechanisms])))
            if chain.scopes:
                pairs.append(("scopes", seq([s(x) for x in chain.scopes])))
            pairs.append(("endpoints", seq(self.endpoints(obj.endpoints, mechanisms))))
            notes = [f"routes on the app itself ({obj.where()})"] + [f"dependency not followed: {x}" for x in chain.unfollowed]
            routers.append(mp(pairs, notes=notes))
        for target, prefix, deps, node, module, tests in obj.includes:
            routers += self.flatten(target, prefix, deps, module, node, tests, mechanisms, 0)
        return routers

    def flatten(self, router, prefix, deps, module, node, tests, parent_mechanisms, depth):
        where = module.where(node)
        if router is None or depth > MAX_DEPTH:
            return []
        if not prefix.ok:
            self.x.note_unresolved(f"{where}: include_router prefix = {prefix.expr}")
        mechanisms = list(parent_mechanisms)
        chain = self.x.auth.chain(module, [(module, d) for d in deps])
        chain = self.x.auth.chain(router.module, [(router.module, d) for d in router.dependencies], chain=chain)
        for mechanism in chain.mechanisms:
            if mechanism["id"] not in [m["id"] for m in mechanisms]:
                mechanisms.append(mechanism)
        own = router.prefix if router.prefix.ok else Val("")
        full = (prefix.value if prefix.ok and isinstance(prefix.value, str) else "") + (own.value or "")
        results = []
        for path, ws_where, function, ws_module in router.websockets:
            joined = Val(full + path.value) if path.ok and isinstance(path.value, str) else path
            self.router_websockets.append((joined, ws_where, function, ws_module))
        if router.endpoints:
            pairs = [("prefix", s(full, where) if full else None), ("name", s(f"{router.module.name}.{router.var}"))]
            if mechanisms:
                pairs.append(("dependencies", seq([s(self.use(m)) for m in mechanisms])))
            if chain.scopes:
                pairs.append(("scopes", seq([s(x) for x in chain.scopes])))
            pairs.append(("endpoints", seq(self.endpoints(router.endpoints, mechanisms))))
            pairs.append(("source", s(router.where())))
            notes = []
            if tests:
                notes.append("included only " + " and ".join(map(str, tests)) + ": say in which environments")
                self.x.questions.append(f"{where}: router {router.module.name}.{router.var} is included only {' and '.join(map(str, tests))}; "
                                        "in which environments does that hold?")
            for text in chain.unfollowed:
                notes.append(f"dependency not followed: {text}")
            router_node = mp(pairs, notes=notes)
            router_node["_tests"] = tests
            results.append(router_node)
            self.counts["routers"] += 1
        for target, sub_prefix, sub_deps, sub_node, sub_module, sub_tests in router.includes:
            combined = Val(full + (sub_prefix.value if sub_prefix.ok and isinstance(sub_prefix.value, str) else ""))
            results += self.flatten(target, combined, sub_deps, sub_module, sub_node, tests + sub_tests, mechanisms, depth + 1)
        return results

    def endpoints(self, endpoints, router_mechanisms):
        nodes = []
        for endpoint in endpoints:
            module = endpoint["module"]
            path, methods = endpoint["path"], endpoint["methods"]
            where = module.where(endpoint["node"])
            if not path.ok or not isinstance(path.value, str):
                self.x.note_unresolved(f"{where}: route path = {path.expr}")
                continue
            method_list = [m.upper() for m in methods.value] if methods.ok and isinstance(methods.value, list) else ["GET"]
            pairs = [("path", s(path.value)), ("methods", seq([s(m) for m in method_list]))]
            notes = []
            calls = [(module, d) for d in endpoint["dependencies"]]
            function = endpoint["function"]
            if function is not None:
                calls += [ref[:2] for ref in self.x.auth.dependency_refs(function[0], function[1])]
            chain = self.x.auth.chain(module, calls)
            own = [m for m in chain.mechanisms if m["id"] not in [r["id"] for r in router_mechanisms]]
            any_group = next((group for group in chain.any_of if len(group) > 1), None)
            if any_group:
                pairs.append(("auth_any", seq([s(self.use(m)) for m in any_group])))
            elif own:
                pairs.append(("auth", s(self.use(own[0]))))
                for other in own[1:]:
                    notes.append(f"also reaches auth mechanism {other['id']}")
            if chain.scopes:
                pairs.append(("scopes", seq([s(x) for x in chain.scopes])))
            for text in chain.unfollowed:
                notes.append(f"dependency not followed: {text}")
            if method_list in (["GET"], ["GET", "HEAD"], ["HEAD"]) and HEALTH_PATH.search(path.value):
                pairs.append(("purpose", s("health", "the path names a health or liveness check")))
            elif function is not None:
                form = next((argument for argument, _ in parameters(function[1]) if argument.annotation is not None
                             and "OAuth2PasswordRequestForm" in text_of(argument.annotation)), None)
                checked = None if chain.mechanisms or router_mechanisms or "POST" not in method_list \
                    else password_check(function[0], function[1])
                if form is not None:
                    pairs.append(("purpose", s("login", f"{function[0].where(form)} takes OAuth2PasswordRequestForm")))
                elif checked:
                    pairs.append(("purpose", s("login", f"{checked}: an unauthenticated POST checks a password")))
            include = endpoint["include_in_schema"]
            if include is not None and not isinstance(include, bool):
                resolved = self.x.resolver.resolve(module, include)
                if resolved.ok and resolved.value is False:
                    pairs.append(("include_in_schema", b(False, module.where(include))))
            if endpoint["response_model"] is not None:
                pairs.append(("response_model", s(text_of(endpoint["response_model"]))))
            if function is not None:
                tainted, uploads = self.scanner.tainted_parameters(function[0], function[1])
                # A `{name}` path parameter cannot hold `/` (Starlette matches `[^/]+` on the decoded path):
                # like a basename it is one path component. `{name:path}` can hold any path.
                segments = {name for name, convertor in re.findall(r"\{(\w+)(?::(\w+))?\}", path.value) if convertor != "path"}
                caps, tasks = self.scanner.scan(function[0], function[1], Taint(tainted, tainted & segments))
                cap_node = self.capabilities(caps, uploads, job=False)
                if cap_node:
                    pairs.append(("capabilities", cap_node))
                elif method_list == ["POST"] and READ_PATH.search(path.value) and not uploads:
                    pairs.append(("read_only", b(True, "the path names a read and the handler shows no write, command or fetch: "
                                                       "confirm it changes nothing")))
                self.background += tasks
                if isinstance(function[1], ast.AsyncFunctionDef) and self.blocking(function[0], function[1]):
                    pairs.append(("blocking_calls_in_async", b(True, self.blocking(function[0], function[1]))))
                pairs.append(("source", s(function[0].where(function[1]))))
            else:
                pairs.append(("source", s(where)))
            if endpoint["tests"]:
                notes.append("defined only " + " and ".join(map(str, endpoint["tests"])))
            nodes.append(mp(pairs, notes=notes))
            self.counts["endpoints"] += 1
        return nodes

    def blocking(self, module, function):
        for node in ast.walk(function):
            if isinstance(node, ast.Call):
                name = module.qualified(node.func) or ""
                if name in ("time.sleep",) or (name.startswith("requests.") and last(name) in HTTP_VERBS):
                    return module.where(node)
        return None

    def capabilities(self, caps, uploads, job):
        pairs = []
        if "runs" in caps:
            pairs.append(("runs", s(caps["runs"][0], caps["runs"][1])))
        if caps.get("file_access"):
            pairs.append(("file_access", seq([mp([("operation", s(e["operation"])), ("path_from", s(e["path_from"])),
                                                   ("confined", b(True, "one path component: the request-derived part is a `{name}` "
                                                                        "path parameter or passes through basename/secure_filename/Path(x).name")
                                                    if e.get("confined") else None),
                                                   ("source", s(e["source"]))]) for e in caps["file_access"]])))
        if not job:
            if "fetches_url" in caps:
                fetch = caps["fetches_url"]
                pairs.append(("fetches_url", mp([("follows_redirects", b(fetch["follows_redirects"]) if "follows_redirects" in fetch else None),
                                                 ("source", s(fetch["source"]))],
                                                notes=["guard: not stated; say how the URL is checked"])))
            if uploads:
                pairs.append(("accepts_uploads", b(True)))
        return mp(pairs) if pairs else None

    def websockets(self, obj):
        nodes = []
        found, self.router_websockets = self.router_websockets, []
        for path, where, function, module in obj.websockets + found:
            if not path.ok or not isinstance(path.value, str):
                self.x.note_unresolved(f"{where}: websocket path = {path.expr}")
                continue
            pairs = [("path", s(path.value))]
            if function is not None:
                chain = self.x.auth.chain(function[0], [r[:2] for r in self.x.auth.dependency_refs(function[0], function[1])])
                if chain.mechanisms:
                    pairs.append(("auth", s(self.use(chain.mechanisms[0]))))
                tainted, _ = self.scanner.tainted_parameters(function[0], function[1])
                caps, _ = self.scanner.scan(function[0], function[1], tainted)
                cap_node = self.capabilities(caps, False, job=False)
                if cap_node:
                    pairs.append(("capabilities", cap_node))
            pairs.append(("source", s(where)))
            nodes.append(mp(pairs))
            self.counts["websockets"] += 1
        return nodes

    def static(self, obj):
        nodes = []
        for path, directory, html, where, module in obj.static:
            if not path.ok or not directory.ok or not isinstance(directory.value, str):
                self.x.note_unresolved(f"{where}: StaticFiles mount {path.expr or path.value} directory {directory.expr}")
                continue
            nodes.append(mp([("path", s(path.value)), ("directory", s(directory.value)),
                             ("html", b(True) if html else None), ("source", s(where))]))
            self.x.questions.append(f"{where}: what does the StaticFiles directory {directory.value!r} hold "
                                    "(holds: frontend_build, user_uploads, configuration, …)?")
        return nodes

    def app_body(self, obj):
        """The keys an app contributes: app settings, middleware, routers."""
        return [("app", self.app_settings(obj)), ("middleware", seq(self.middleware(obj)) if obj.middleware else None),
                ("routers", seq(self.routers(obj)))]

    def evaluate(self, cond):
        """(whether the test holds with the settings' defaults — True, False or None when unknown,
        the environment a false test names — e.g. `development` for `ENV == "development"`)."""
        node, module, negated = cond.node, cond.module, cond.negated
        while isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            node, negated = node.operand, not negated
        result, name, var = None, None, None
        if isinstance(node, ast.Compare) and len(node.ops) == 1:
            left = self.x.resolver.resolve(module, node.left)
            right = self.x.resolver.resolve(module, node.comparators[0])
            op = node.ops[0]
            var = left.env[0][0] if left.env else None
            if left.ok and right.ok:
                result = compared(op, left.value, right.value)
            if var and right.ok and isinstance(right.value, str) and isinstance(op, ast.Eq) and not negated:
                name = right.value
        else:
            value = self.x.resolver.resolve(module, node)
            var = value.env[0][0] if value.env else None
            if value.ok:
                result = bool(value.value)
            if var and not negated:
                name = f"{var} set"
        if negated and result is not None:
            result = not result
        return result, name, var

    def placement(self, tests):
        """None for the base model, else (environment name, setting) for structure that exists only
        where a setting differs from its default."""
        for cond in tests:
            result, name, var = self.evaluate(cond)
            if result is False and name:
                return name, var
        return None

    def split_environments(self, pairs):
        """Moves routers and middleware that exist only under a non-default setting into
        environment overrides with `add: true`, and declares the environments."""
        additions, settings_used = {}, []
        for key in ("routers", "middleware"):
            index = next((n for n, (k, _) in enumerate(pairs) if k == key), None)
            if index is None:
                continue
            items = pairs[index][1]["seq"]
            kept = []
            for item in items:
                place = self.placement(item.get("_tests", ()))
                ident = "prefix" if key == "routers" else "type"
                same = [other for other in items if other is not item and self.member(other, ident) == self.member(item, ident)
                        and not self.placement(other.get("_tests", ()))]
                if key == "middleware" and self.member(item, "id"):
                    same = []
                if place and not same:
                    # In that environment the setting is not its default: values read from it are unknown there.
                    for member in list(item["map"]):
                        if isinstance(member, list) and f"env {place[1]}," in member[1].get("c", ""):
                            item["map"].remove(member)
                            item["map"].append({"note": f"UNRESOLVED {member[0]}: comes from {place[1]} in this environment; state it"})
                            self.x.note_unresolved(f"{member[1]['c'].split(' ')[0]}: {member[0]} in the environment where {place[1]} is set")
                    additions.setdefault(place[0], {"routers": [], "middleware": []})[key].append(item)
                    if place[1] not in settings_used:
                        settings_used.append(place[1])
                    item["map"].insert(0, ["add", b(True)])
                else:
                    kept.append(item)
            pairs[index] = (key, seq(kept))
        default_name = "production"
        for var in settings_used:
            for instance in self.x.resolver.settings_cache.values():
                for field in instance.fields:
                    if instance.env_name(field) == var:
                        default = self.x.resolver.setting_value(instance, field, 0)
                        if default.ok and isinstance(default.value, str) and environment_kind(default.value):
                            default_name = default.value
        kind = environment_kind(default_name)
        environments = [mp([("name", s(default_name)), ("kind", s(kind) if kind else None)],
                           notes=["the shipped defaults" + (f" ({', '.join(settings_used)} as the code defaults them)" if settings_used else "")
                                  + ("; assumed to be what production runs until you state the environments" if default_name == "production" else "")])]
        for name, added in additions.items():
            override = [(key, seq(added[key])) for key in ("middleware", "routers") if added[key]]
            kind = environment_kind(name)
            environments.append(mp([("name", s(name)), ("kind", s(kind) if kind else None), ("overrides", mp(override))],
                                   notes=[f"where {', '.join(settings_used)} differs from its default"]))
        pairs.append(("environments", seq(environments)))

    @staticmethod
    def member(node, key):
        for member in node.get("map", []):
            if isinstance(member, list) and member[0] == key:
                return member[1].get("str")
        return None

    def auth_list(self):
        nodes = []
        for mechanism in self.mechanisms_used:
            pairs = [("id", s(mechanism["id"])), ("type", s(mechanism["type"]))]
            if mechanism.get("transport"):
                pairs.append(("transport", s(mechanism["transport"])))
            if mechanism.get("parameter"):
                pairs.append(("parameter", s(mechanism["parameter"])))
            records = mechanism["jwt"]
            if records:
                record = records[0]
                jwt_pairs = [("library", s(record["library"]))]
                version = self.versions.get(record["library"])
                if version:
                    jwt_pairs.append(("library_version", dict(version)))
                if "algorithms" in record and record["algorithms"] is not None:
                    jwt_pairs.append(("algorithms", seq([s(a) for a in record["algorithms"]])))
                    if record.get("secret_source"):
                        record.setdefault("verifies_signature", True)
                        record.setdefault("verifies_expiry", True)
                for key in ("verifies_signature", "verifies_expiry", "verifies_audience"):
                    if key in record:
                        jwt_pairs.append((key, b(record[key])))
                jwt_pairs.append(("source", s(record["source"])))
                pairs.append(("jwt", mp(jwt_pairs, notes=[] if "algorithms" in record else
                                        ["jwt.decode passes no algorithms= (or it could not be resolved)"])))
                if record.get("secret_source"):
                    pairs.append(("secret_source", s(record["secret_source"], record["source"])))
                self.x.questions.append(f"{mechanism['source']}: can tokens of {mechanism['id']} be revoked before they expire "
                                        "(revocable), and are sign-in attempts limited?")
            if mechanism.get("enabled_by_setting"):
                pairs.append(("enabled_by_setting", s(mechanism["enabled_by_setting"])))
                pairs.append(("enabled_by_default", b(False, mechanism["switch"])))
                pairs.append(("enabled", b(False, "the shipped default: say where it is switched on (environment overrides)")))
            if mechanism["type"] in ("oauth2_jwt", "jwt"):
                lifetime = self.token_lifetime()
                if lifetime:
                    pairs.append(("token_lifetime_seconds", i(lifetime[0], lifetime[1])))
            pairs.append(("source", s(mechanism["source"])))
            notes = []
            if mechanism.get("via"):
                notes.append(f"reads its credential in {mechanism['via']}, the provider its settings select by default")
                self.x.questions.append(f"{mechanism['source']}: {mechanism['id']} picks an authentication provider at run time; "
                                        "which one does production configure?")
            if mechanism.get("opaque"):
                notes.append(f"{mechanism['id']} reaches no known scheme: state where its credential travels (transport, parameter)")
                self.x.questions.append(f"{mechanism['source']}: how does {mechanism['id']} authenticate "
                                        "(transport and parameter of its credential)?")
            nodes.append(mp(pairs, c=mechanism.get("class"), notes=notes))
        return nodes

    def token_lifetime(self):
        """(seconds, comment) from a setting such as ACCESS_TOKEN_EXPIRE_MINUTES, or None."""
        pattern = re.compile(r"^(ACCESS_)?(TOKEN|JWT)_?(EXPIRE|EXPIRES|EXPIRATION|LIFETIME)_?(IN_)?(MINUTES|HOURS|SECONDS|DAYS)$", re.I)
        factor = {"SECONDS": 1, "MINUTES": 60, "HOURS": 3600, "DAYS": 86400}
        for instance in self.x.resolver.settings_cache.values():
            for field in instance.fields:
                match = pattern.match(field)
                if not match:
                    continue
                value = self.x.resolver.setting_value(instance, field, 0)
                if value.ok and isinstance(value.value, int) and not isinstance(value.value, bool):
                    return (value.value * factor[match.group(5).upper()],
                            f"{instance.module.where(instance.fields[field][2])} {field} default {value.value}")
        return None

    def secrets(self):
        nodes, seen = [], set()
        for instance in self.x.resolver.settings_cache.values():
            for field, (alias, default, statement) in instance.fields.items():
                env_name = instance.env_name(field)
                annotation = text_of(statement.annotation)
                if not SECRET_NAME.search(field) or NOT_SECRET_NAME.search(field) or env_name in seen or \
                        not ("str" in annotation or "Secret" in annotation):
                    continue
                seen.add(env_name)
                where = instance.module.where(statement)
                fallback, detail = "none", "no default: startup fails without it"
                if default is not None:
                    text = text_of(default)
                    if isinstance(default, ast.Constant) and default.value is None:
                        fallback, detail = None, "default None"
                    elif isinstance(default, ast.Call) and ("token_" in text or "urandom" in text or "uuid" in text):
                        fallback, detail = "generated_per_process", f"default {text}"
                    else:
                        value = self.x.resolver.resolve(instance.module, default)
                        if value.ok and isinstance(value.value, str) and value.value:
                            fallback, detail = "insecure_literal", f"default {value.value!r}"
                        else:
                            fallback, detail = None, f"default {text}"
                dotenv = self.x.resolver.dotenv.get(env_name.upper())
                pairs = [("name", s(env_name)), ("sources", seq([s("environment")]))]
                if fallback:
                    pairs.append(("fallback", s(fallback, detail)))
                else:
                    self.x.questions.append(f"{where}: what does the service use when {env_name} is not set ({detail})?")
                pairs.append(("source", s(where)))
                notes = [f"{dotenv[1]} sets {env_name} (committed .env)"] if dotenv else []
                nodes.append(mp(pairs, notes=notes))
        for key, (value, where, var) in sorted(self.x.resolver.yaml.items()):
            # A YAML settings file the code loads: a secret-named key with a literal value (or a literal
            # placeholder default) ships that value.
            name = key.rsplit(".", 1)[-1]
            if not SECRET_NAME.search(name) or NOT_SECRET_NAME.search(name) or not isinstance(value, str) or not value.strip() \
                    or NUMBER_TEXT.fullmatch(value.strip()):
                continue
            nodes.append(mp([("name", s(var or key)), ("sources", seq([s("environment" if var else "file")])),
                             ("fallback", s("insecure_literal", f"{where} " + (f"${{{var}}} defaults to a literal" if var else "a literal in the file"))),
                             ("source", s(where))]))
        return nodes

    def build(self, system_name):
        apps = [o for o in self.x.objects.values() if o.kind == "app"]
        roots = [o for o in apps if not o.mounted]
        weight = lambda o: (len(o.endpoints) + sum(len(t.endpoints) if t else 0 for t, *_ in o.includes) + len(o.includes) * 2
                            + len(o.mounts) * 3 + len(o.middleware))
        roots.sort(key=lambda o: (-weight(o), o.module.rel, o.call.lineno))
        pairs = [("threatscribe", i(1)), ("system", mp([("name", s(system_name))]))]
        frameworks, dependencies, lock = read_dependencies(self.x.project)
        self.versions = {name: node for name, node in frameworks}
        for node in dependencies:
            if self.member(node, "version"):
                self.versions[self.member(node, "name")] = dict(next(v for k, v in node["map"] if k == "version"))
        if frameworks:
            pairs.append(("frameworks", mp(frameworks)))
        main = roots[0] if roots else None
        sub_apps, static, websockets = [], [], []
        if main is not None:
            self.counts["apps"] = 1
            for key, node in self.app_body(main):
                if node is not None:
                    pairs.append((key, node))
            static += self.static(main)
            websockets += self.websockets(main)
            for kind, path, sub, where, module, tests in main.mounts:
                self.counts["apps"] += 1
                if not path.ok or not isinstance(path.value, str):
                    self.x.note_unresolved(f"{where}: {kind} path = {path.expr}")
                    continue
                app_pairs = [("id", s(safe_id(sub.var if sub.var != main.var else f"{sub.var}_{sub.module.name}"))),
                             ("mount" if kind == "mount" else "host", s(path.value, where))]
                app_pairs += [(k, v) for k, v in self.app_body(sub) if v is not None]
                app_pairs.append(("source", s(where)))
                sub_apps.append(mp(app_pairs))
                static += self.static(sub)
                websockets += self.websockets(sub)
            for other in roots[1:]:
                self.x.questions.append(f"{other.where()}: the app `{other.var}` is neither the main app nor mounted in it; "
                                        "is it served separately (then model it as a service of its own)?")
        if self.mechanisms_used:
            pairs.insert(4 if frameworks else 3, ("auth", seq(self.auth_list())))
        secrets = self.secrets()
        if secrets:
            pairs.append(("secrets", seq(secrets)))
        if sub_apps:
            pairs.append(("apps", seq(sub_apps)))
        if static:
            pairs.append(("static_files", seq(static)))
        if self.x.templates:
            module, call = self.x.templates[0]
            pairs.append(("templates", mp([("engine", s("jinja2")), ("source", s(module.where(call)))])))
        if websockets:
            pairs.append(("websockets", seq(websockets)))
        tasks = []
        for task in self.background:
            if task["name"] in [t["name"] for t in tasks]:
                continue
            tasks.append(task)
        if tasks:
            pairs.append(("background_tasks", seq([mp([("name", s(t["name"])),
                                                        ("capabilities", self.capabilities(t["caps"], False, job=True) if t["caps"] else None),
                                                        ("source", s(t["source"]))]) for t in tasks])))
        server, container = read_dockerfiles(self.x.project)
        if server:
            pairs.append(("server", mp(server)))
        if container:
            pairs.append(("deployment", mp([("platform", s("docker")), ("container", mp(container))])))
        if lock:
            pairs.append(("build", mp([("lock_file", s(lock[0], lock[1]))])))
        if dependencies:
            pairs.append(("dependencies", seq(dependencies)))
        if main is None:
            self.x.questions.append("no FastAPI(...) or Starlette(...) app was found: which module creates the app?")
            pairs.append(("routers", seq([])))
        self.split_environments(pairs)
        return strip_private(mp(pairs))


def environment_kind(name):
    lower = name.lower()
    for kind, words in (("development", ("dev", "local")), ("staging", ("stag",)), ("production", ("prod",)), ("test", ("test",))):
        if any(lower.startswith(w) for w in words):
            return kind
    return None


def strip_private(node):
    """The node without the builder's `_` bookkeeping keys."""
    if isinstance(node, dict):
        return {k: strip_private(v) for k, v in node.items() if not k.startswith("_")}
    if isinstance(node, list):
        return [strip_private(v) for v in node]
    return node


# ---------------------------------------------------------------- dependency files

VERSION_SPEC = re.compile(r"^(?:(?:==|>=|<=|~=|!=|>|<|\^|~)?\s*v?[0-9][0-9A-Za-z.*+-]*)(?:\s*,\s*(?:==|>=|<=|~=|!=|>|<)\s*[0-9][0-9A-Za-z.*+-]*)*$")
EXACT = re.compile(r"^(?:===?)?\s*([0-9][0-9A-Za-z.+-]*)$")
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(\(?[^;#@]*\)?)?")


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def line_of(text, needle, start=0):
    index = text.find(needle, start)
    return text.count("\n", 0, index) + 1 if index >= 0 else None


def clean_spec(spec):
    spec = (spec or "").strip().strip("()").replace(" ", "")
    if not spec or not VERSION_SPEC.match(spec):
        return None
    exact = EXACT.match(spec)
    return exact.group(1) if exact else spec


def read_dependencies(project):
    """(frameworks pairs, dependency nodes, (lock file kind, comment)) from requirements files,
    pyproject.toml and lock files; a locked version wins over a declared range."""
    declared = {}   # name -> (spec or None, where)
    locked = {}     # name -> (version, where)
    lock = None
    try:
        import tomllib
    except ImportError:  # Python < 3.11: TOML files are skipped and said so
        tomllib = None
    for rel, text in sorted(project.texts.items()):
        base = os.path.basename(rel)
        if base.startswith("requirements") and base.endswith(".txt"):
            hashed = "--hash=" in text
            pinned = True
            for number, line in enumerate(text.splitlines(), 1):
                stripped = line.split("#", 1)[0].strip()
                if not stripped or stripped.startswith("-") or "://" in stripped:
                    continue
                match = REQUIREMENT.match(stripped)
                if not match:
                    continue
                spec = clean_spec(match.group(3))
                pinned = pinned and spec is not None and EXACT.match(spec or "") is not None
                declared.setdefault(normalise(match.group(1)), (spec, f"{rel}:{number}"))
            if hashed and lock is None:
                lock = ("requirements.txt with hashes", rel)
        elif base == "pyproject.toml" and tomllib:
            try:
                data = tomllib.loads(text)
            except (tomllib.TOMLDecodeError, ValueError):
                project.skipped.append(f"{rel}: not valid TOML")
                continue
            for requirement in data.get("project", {}).get("dependencies", []) or []:
                if isinstance(requirement, str):
                    match = REQUIREMENT.match(requirement)
                    if match:
                        name = normalise(match.group(1))
                        number = line_of(text, requirement) or 1
                        declared.setdefault(name, (clean_spec(match.group(3)), f"{rel}:{number}"))
            poetry = data.get("tool", {}).get("poetry", {}).get("dependencies", {}) or {}
            for name, spec in poetry.items():
                if name.lower() == "python":
                    continue
                version = spec.get("version") if isinstance(spec, dict) else spec
                number = line_of(text, f"\n{name}") or 1
                declared.setdefault(normalise(name), (clean_spec(version) if isinstance(version, str) and version != "*" else None,
                                                      f"{rel}:{number + 1 if number > 1 else 1}"))
        elif base in ("uv.lock", "poetry.lock") and tomllib:
            try:
                data = tomllib.loads(text)
            except (tomllib.TOMLDecodeError, ValueError):
                project.skipped.append(f"{rel}: not valid TOML")
                continue
            lock = (base, rel)
            offset = 0
            for package in data.get("package", []) or []:
                name, version = package.get("name"), package.get("version")
                if not isinstance(name, str) or not isinstance(version, str):
                    continue
                index = text.find(f'name = "{name}"', offset)
                number = text.count("\n", 0, index) + 1 if index >= 0 else None
                if index >= 0:
                    offset = index
                locked.setdefault(normalise(name), (version, f"{rel}:{number}" if number else rel))
        elif base == "Pipfile.lock":
            try:
                data = json.loads(text)
            except ValueError:
                project.skipped.append(f"{rel}: not valid JSON")
                continue
            lock = ("Pipfile.lock", rel)
            for section in ("default",):
                for name, entry in (data.get(section) or {}).items():
                    version = entry.get("version", "") if isinstance(entry, dict) else ""
                    if isinstance(version, str) and version.startswith("=="):
                        number = line_of(text, f'"{name}"')
                        locked.setdefault(normalise(name), (version[2:], f"{rel}:{number}" if number else rel))
    frameworks, dependencies = [], []
    names = sorted(set(declared) | {n for n in locked if n in FRAMEWORKS})
    for name in names:
        spec, where = declared.get(name, (None, None))
        text, comment, source = None, None, where
        if name in locked and EXACT.match(locked[name][0] or ""):
            text = f"{locked[name][0]} ({locked[name][1]})"
            comment = f"{locked[name][1]}" + (f"; {where} declares {spec}" if spec else "")
            source = where or locked[name][1]
        elif spec:
            text, comment = spec, where
        if text is None:
            if name not in FRAMEWORKS and where:
                dependencies.append(mp([("name", s(name)), ("source", s(where))], c="no version stated"))
            continue
        if name in FRAMEWORKS:
            frameworks.append((name, s(text, comment)))
        else:
            dependencies.append(mp([("name", s(name)), ("version", s(text, comment)), ("source", s(source))]))
    return frameworks, dependencies, lock


# ---------------------------------------------------------------- Dockerfile

def dockerfile_instructions(text):
    """(line, instruction, arguments) with continuation lines joined."""
    result, buffer, start = [], "", None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not buffer and (not stripped or stripped.startswith("#")):
            continue
        if start is None:
            start = number
        if stripped.endswith("\\"):
            buffer += stripped[:-1] + " "
            continue
        buffer += stripped
        parts = buffer.split(None, 1)
        if parts:
            result.append((start, parts[0].upper(), parts[1] if len(parts) > 1 else ""))
        buffer, start = "", None
    return result


def command_words(arguments):
    arguments = arguments.strip()
    if arguments.startswith("["):
        try:
            words = json.loads(arguments)
            if isinstance(words, list) and all(isinstance(w, str) for w in words):
                return words
        except ValueError:
            pass
    import shlex
    try:
        return shlex.split(arguments)
    except ValueError:
        return arguments.split()


SERVER_FLAGS = {"--host": ("host", str), "--port": ("port", int), "--workers": ("workers", int), "-w": ("workers", int),
                "--forwarded-allow-ips": ("forwarded_allow_ips", str), "--timeout-keep-alive": ("timeout_keep_alive", int),
                "--limit-concurrency": ("limit_concurrency", int), "--root-path": (None, str), "-b": ("bind", str),
                "--bind": ("bind", str)}


def server_from(words, where):
    kind = None
    for index, word in enumerate(words):
        base = os.path.basename(word)
        if base in ("uvicorn", "gunicorn", "hypercorn", "granian", "daphne"):
            kind = base
            words = words[index + 1:]
            break
        if base == "fastapi" and index + 1 < len(words) and words[index + 1] in ("run", "dev"):
            kind = f"fastapi {words[index + 1]}"
            words = words[index + 2:]
            break
        if word == "-m" and index + 1 < len(words) and words[index + 1] in ("uvicorn", "gunicorn", "hypercorn"):
            kind = words[index + 1]
            words = words[index + 2:]
            break
    if kind is None:
        return None
    pairs = [("kind", s(kind, where))]
    values = {}
    index = 0
    while index < len(words):
        word = words[index]
        flag, _, inline = word.partition("=")
        if flag in ("--proxy-headers",):
            values["proxy_headers"] = b(True, where)
        elif flag == "--no-proxy-headers":
            values["proxy_headers"] = b(False, where)
        elif flag == "--reload":
            values["reload"] = b(True, where)
        elif flag == "--no-server-header":
            values["server_header"] = b(False, where)
        elif flag in SERVER_FLAGS:
            value = inline if inline else (words[index + 1] if index + 1 < len(words) else None)
            if not inline:
                index += 1
            key, kind_of = SERVER_FLAGS[flag]
            if value is not None and key:
                if key == "bind":
                    host, _, port = value.rpartition(":")
                    if host:
                        values["host"] = s(host, where)
                    if port.isdigit():
                        values["port"] = i(int(port), where)
                elif kind_of is int and value.isdigit():
                    values[key] = i(int(value), where)
                elif kind_of is str and "$" not in value:
                    values[key] = s(value, where)
        index += 1
    for key in ("host", "port", "workers", "reload", "proxy_headers", "forwarded_allow_ips", "limit_concurrency",
                "timeout_keep_alive", "server_header"):
        if key in values:
            pairs.append((key, values[key]))
    return pairs


def dockerfile_env(instructions):
    """Variables the stage's `ENV` instructions set (`ENV A=1 B=2`, the legacy `ENV A 1`, `ENV A=${ARG}`
    with an `ARG A=default`)."""
    values, build_args = {}, {}
    for _, name, arguments in instructions:
        if name == "ARG":   # `ARG HOST=0.0.0.0`: the default, unless the build passes --build-arg
            key, equals, value = arguments.strip().partition("=")
            if equals and key.strip():
                build_args[key.strip()] = value.strip().strip("\"'")
            continue
        if name != "ENV":
            continue
        words = command_words(arguments)
        known = dict(build_args, **values)
        if len(words) >= 2 and "=" not in words[0]:
            values[words[0]] = substituted([" ".join(words[1:])], known)[0]
            continue
        for word in words:
            key, equals, value = word.partition("=")
            if equals:
                values[key] = substituted([value], known)[0]
    return values


def substituted(words, env):
    """`words` with `$NAME`/`${NAME}` replaced by the stage's ENV values; unknown ones stay."""
    pattern = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")
    return [pattern.sub(lambda m: env.get(m.group(1) or m.group(2), m.group(0)), word) for word in words]


def entrypoint_script(project, rel, instructions, words):
    """(script text, script path) when an ENTRYPOINT runs a shell script the Dockerfile copies from
    the project (`COPY ./bin/entrypoint.sh /entrypoint.sh`), else None. Read, never run."""
    if not words:
        return None
    target = words[0]
    if words[0] in ("sh", "bash", "/bin/sh", "/bin/bash") and len(words) > 1:
        target = words[1]
    context = os.path.dirname(rel)
    candidates = []
    for _, name, arguments in instructions:
        if name not in ("COPY", "ADD"):
            continue
        parts = [w for w in command_words(arguments) if not w.startswith("--")]
        if len(parts) >= 2:
            for source in parts[:-1]:
                destination = parts[-1]
                copied = destination + os.path.basename(source) if destination.endswith("/") else destination
                if copied == target or os.path.basename(copied) == os.path.basename(target):
                    candidates.append(source)
    candidates.append(target.lstrip("/"))
    for candidate in candidates:
        path = os.path.realpath(os.path.join(project.root, context, candidate))
        root = os.path.realpath(project.root)
        if os.path.commonpath([path, root]) != root:
            continue
        if os.path.isfile(path) and not os.path.islink(path):
            text = project.read(path)
            if text is not None:
                return text, project.rel(path)
    return None


def stage_server(project, rel, stage, inherited=None):
    """(server pairs, line) of the web server a stage starts, from its CMD and ENTRYPOINT (with the
    CMD passed as the ENTRYPOINT's arguments, and through an entrypoint script), else None.
    `inherited` holds the ENV of the earlier stage this one is built `FROM`."""
    env = dict(inherited or {}, **dockerfile_env(stage))
    entry = next(((line, command_words(a), not a.strip().startswith("[")) for line, n, a in reversed(stage) if n == "ENTRYPOINT"), None)
    cmd = next(((line, command_words(a), not a.strip().startswith("[")) for line, n, a in reversed(stage) if n == "CMD"), None)
    words = (entry[1] if entry else []) + (cmd[1] if cmd else [])
    line = (cmd or entry or (None, None))[0]
    if line is None:
        return None
    # The shell form runs through `sh -c`, which expands the stage's ENV values; the exec form does not.
    shell = (entry or cmd)[2]
    found = server_from(substituted(words, env) if shell else words, f"{rel}:{line}")
    if found:
        return found, line
    script = entrypoint_script(project, rel, stage, entry[1] if entry else [])
    if script is None:
        return None
    text, script_rel = script
    passes_arguments = "$@" in text or "$*" in text
    expands = "eval" in text   # `$(eval echo "$@")` expands the ENV values named in the CMD
    arguments = [part for word in (cmd[1] if cmd else []) for part in command_words(word)] if passes_arguments else []
    for number, script_line in enumerate(text.splitlines(), 1):
        stripped = script_line.strip()
        if stripped.startswith("#") or not re.search(r"\b(uvicorn|gunicorn|hypercorn|granian|daphne|fastapi)\b", stripped):
            continue
        try:
            script_words = command_words(stripped)
        except ValueError:
            continue
        if not any(os.path.basename(w) in ("uvicorn", "gunicorn", "hypercorn", "granian", "daphne", "fastapi") for w in script_words[:4]) \
                and "exec" not in script_words[:1]:
            continue
        script_words = [w for w in script_words if "$" not in w]
        words = script_words + arguments
        found = server_from(substituted(words, env) if expands else words, f"{script_rel}:{number} with {rel}:{line}")
        if found:
            return found, line
    return None


def read_dockerfiles(project):
    """(server pairs, container pairs) from the Dockerfile nearest the project root: the stage that
    starts the web server (the last such stage; the final stage when none does)."""
    candidates = sorted((rel for rel in project.texts if os.path.basename(rel) == "Dockerfile" or "Dockerfile" in os.path.basename(rel)),
                        key=lambda r: (r.count("/"), r))
    if not candidates:
        return None, None
    rel = candidates[0]
    instructions = dockerfile_instructions(project.texts[rel])
    starts = [index for index, (_, name, _) in enumerate(instructions) if name == "FROM"]
    stages = [instructions[start:end] for start, end in zip(starts, starts[1:] + [len(instructions)])] or [instructions]
    server, chosen = None, stages[-1]
    # `FROM base AS api` after `FROM python AS base`: the later stage inherits the earlier one's ENV
    aliases, images, inherited, bases = {}, {}, [], []
    stage_users, users_of = [], {}   # the USER in force at the end of each stage, inherited by FROM <alias>
    for stage in stages:
        words = stage[0][2].split() if stage and stage[0][1] == "FROM" else []
        words = [w for w in words if not w.startswith("--")]
        parent = aliases.get(words[0].lower()) if words else None
        env = dict(parent or {}, **dockerfile_env(stage))
        inherited.append(parent or {})
        bases.append(images.get(words[0].lower(), words[0]) if words else None)
        own = [(line, arguments.strip()) for line, name, arguments in stage if name == "USER"]
        stage_users.append(own or users_of.get(words[0].lower(), []) if words else own)
        if len(words) >= 3 and words[1].upper() == "AS":
            aliases[words[2].lower()] = env
            images[words[2].lower()] = bases[-1]
            users_of[words[2].lower()] = stage_users[-1]
    for index in reversed(range(len(stages))):
        stage = stages[index]
        found = stage_server(project, rel, stage, inherited[index])
        if found:
            server = found[0] + [("source", s(f"{rel}:{found[1]}"))]
            chosen = stage
            break
    container = []
    if starts:
        line, _, arguments = chosen[0]
        base = bases[next(index for index, stage in enumerate(stages) if stage is chosen)]
        if base:   # a stage built FROM an earlier stage has that stage's image
            container.append(("base_image", s(base, f"{rel}:{line}")))
    users = stage_users[next(index for index, stage in enumerate(stages) if stage is chosen)]
    stage_name = "the final stage" if chosen is stages[-1] else f"the stage at {rel}:{chosen[0][0]}"
    if users:
        line, user = users[-1]
        name = user.split(":")[0]
        container.append(("runs_as_root", b(name in ("root", "0"), f"{rel}:{line} USER {user}")))
    else:
        container.append(("runs_as_root", b(True, f"{rel}: no USER instruction in {stage_name}")))
    container.append(("source", s(rel)))
    return server, container


# ---------------------------------------------------------------- main

def system_name(project):
    try:
        import tomllib
    except ImportError:
        tomllib = None
    for rel in sorted(project.texts, key=lambda r: (r.count("/"), r)):
        if os.path.basename(rel) == "pyproject.toml" and tomllib:
            try:
                data = tomllib.loads(project.texts[rel])
            except (ValueError, tomllib.TOMLDecodeError):
                continue
            name = data.get("project", {}).get("name") or data.get("tool", {}).get("poetry", {}).get("name")
            if isinstance(name, str) and name.strip():
                return name.strip()[:200]
    return os.path.basename(os.path.abspath(project.root)) or "service"


def main(argv):
    if len(argv) != 2:
        print("usage: python_project.py PROJECT_DIR", file=sys.stderr)
        return 2
    sys.setrecursionlimit(4000)
    project = Project(argv[1])
    project.load()
    extraction = Extraction(project)
    extraction.auth = AuthResolver(extraction)
    extraction.collect()
    extraction.connect()
    builder = Builder(extraction)
    model = builder.build(system_name(project))
    middleware_order = []
    for obj in extraction.objects.values():
        if obj.kind == "app" and obj.middleware:
            added = [e["name"] for k, e in obj.middleware if k == "added"]
            listed = [e["name"] for k, e in obj.middleware if k == "constructor"]
            middleware_order.append({"app": f"{obj.var} ({obj.where()})", "order": list(reversed(added)) + listed})
    output = {
        "model": model,
        "summary": dict(builder.counts, python_files=len(project.modules), middleware_order=middleware_order,
                        auth=[m["id"] for m in builder.mechanisms_used]),
        "unresolved": extraction.unresolved,
        "questions": list(dict.fromkeys(extraction.questions)),
        "skipped": project.skipped[:50] + [f"{rel}: parsed after rewriting syntax newer than Python "
                                           f"{sys.version_info[0]}.{sys.version_info[1]}" for rel in project.rewritten[:20]],
    }
    json.dump(output, sys.stdout, ensure_ascii=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
