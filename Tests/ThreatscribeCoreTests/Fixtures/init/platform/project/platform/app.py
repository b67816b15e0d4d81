from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.staticfiles import StaticFiles
from starlette.middleware import Middleware
from starlette.middleware.httpsredirect import HTTPSRedirectMiddleware
from starlette.middleware.sessions import SessionMiddleware

from .routes import admin, files
from .settings import ALLOWED_HOSTS, DOCS_URL, settings
from .web.pages import pages


def create_app() -> FastAPI:
    app = FastAPI(
        title="Platform",
        docs_url=DOCS_URL,
        redoc_url=None,
        debug=settings.ENVIRONMENT == "development",
        middleware=[
            Middleware(TrustedHostMiddleware, allowed_hosts=ALLOWED_HOSTS),
            Middleware(SessionMiddleware, secret_key=settings.SESSION_SECRET, same_site="lax", https_only=True),
        ],
    )
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    if settings.BACKEND_CORS_ORIGINS:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=[str(origin) for origin in settings.BACKEND_CORS_ORIGINS],
            allow_credentials=True,
            allow_methods=["GET", "POST"],
        )
    if settings.ENVIRONMENT == "production":
        app.add_middleware(HTTPSRedirectMiddleware)

    api = FastAPI(title="Platform API", openapi_url="/openapi.json", root_path="/api/v1")
    api.add_middleware(GZipMiddleware, minimum_size=500)
    api.include_router(files.router, prefix="/files")

    admin_app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    admin_app.include_router(admin.admin_router, prefix="/admin")

    app.mount("/api/v1", api)
    app.host(settings.ADMIN_HOST, admin_app)
    app.mount("/static", StaticFiles(directory="static"), name="static")
    app.include_router(pages)

    @app.exception_handler(ValueError)
    async def value_error(request, exc):
        return None

    return app


app = create_app()
