"""The app is built inside a class: FastAPI() kept on self, routes added with add_api_route."""
import os

from fastapi import APIRouter, Depends, FastAPI, Form, HTTPException, Request, UploadFile
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse

from engine.auth import authenticated
from engine.config import settings
from engine.providers import current_user

UPLOADS = "/srv/uploads"


class SlashRouter(APIRouter):
    """A router subclass: still a router."""


async def catch_everything(request: Request, call_next):
    try:
        return await call_next(request)
    except ValueError as error:
        return JSONResponse({"error": "invalid"}, status_code=400)
    except Exception as error:
        return JSONResponse({"error": repr(error)}, status_code=500)


def verify_password(plain: str, stored: str) -> bool:
    return plain == stored


def configure_cors(app: FastAPI) -> None:
    """A helper given the app: what it does to its parameter is done to the app."""
    if settings().server.cors.enabled:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings().server.cors.allow_origins,
            allow_credentials=settings().server.cors.allow_credentials,
            allow_origin_regex=settings().server.cors.allow_origin_regex,
        )


class ScopeGuard:
    """A dependency built by a class: `Depends(ScopeGuard("admin"))` runs its `__call__`."""

    def __init__(self, scope: str):
        self.scope = scope

    def __call__(self, request: Request):
        if self.scope not in request.scope.get("granted", ()):
            raise HTTPException(status_code=403)


ADMIN_ONLY = ScopeGuard("admin")


class Engine:
    def __init__(self):
        self._app = FastAPI(docs_url=None, redoc_url=None)
        self._app.middleware("http")(catch_everything)
        configure_cors(self._app)
        self.router = SlashRouter()
        self.add_routes()
        self._app.include_router(self.router)

    def add_routes(self):
        self.router.add_api_route("/items/{name}", self.delete_item, methods=["DELETE"],
                                  dependencies=[Depends(authenticated)])
        self.router.add_api_route("/healthz", self.health, methods=["GET"], include_in_schema=False)
        self.router.add_api_route("/reports/{name}", self.report, methods=["GET"], dependencies=[Depends(authenticated)])
        self.router.add_api_route("/upload", self.upload, methods=["POST"], dependencies=[Depends(authenticated)])
        self.router.add_api_route("/me", self.me, methods=["GET"])
        self.router.add_api_route("/login", self.login, methods=["POST"])
        self.router.add_api_route("/tokens/{name}", self.revoke, methods=["DELETE"], dependencies=[Depends(ScopeGuard("tokens"))])
        self.router.add_api_route("/cache", self.flush, methods=["DELETE"], dependencies=[Depends(ADMIN_ONLY)])
        # a POST that reads: its last path segment names a query and the handler writes nothing
        self.router.add_api_route("/items/query", self.query, methods=["POST"])

    def app(self):
        return self._app

    async def delete_item(self, name: str):
        return {"deleted": name}

    async def health(self):
        return {"ok": True}

    async def report(self, name: str):
        return FileResponse(os.path.join("reports", f"{name}.pdf"))

    async def upload(self, file: UploadFile):
        with open(os.path.join(UPLOADS, os.path.basename(file.filename)), "wb") as out:
            out.write(await file.read())
        return {"stored": True}

    async def me(self, user=Depends(current_user)):
        return {"user": user}

    async def revoke(self, name: str):
        return {"revoked": name}

    async def query(self, text: str):
        return {"matches": [text]}

    async def flush(self):
        return {"flushed": True}

    async def login(self, username: str = Form(), password: str = Form()):
        if verify_password(password, username):
            return {"token": "..."}
        return JSONResponse({"error": "denied"}, status_code=401)
