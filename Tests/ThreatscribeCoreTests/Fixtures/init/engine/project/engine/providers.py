"""Authentication providers looked up by key at run time; ENGINE_PROVIDER picks one (default "bearer")."""
import os

from fastapi import Request
from jose import jwt

PROVIDER = os.getenv("ENGINE_PROVIDER", "bearer")
SIGNING_KEY = os.getenv("ENGINE_SIGNING_KEY")


class BearerProvider:
    key = "bearer"

    def current_user(self, request: Request):
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        return jwt.decode(token, SIGNING_KEY)["sub"]


class ProxyProvider:
    key = "proxy"

    def current_user(self, request: Request):
        return request.headers.get("X-Forwarded-User")


REGISTRY = {}


def current_user(request: Request):
    provider = REGISTRY.get(PROVIDER)
    return provider.current_user(request)
