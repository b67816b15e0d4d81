"""The `authenticated` dependency is defined twice: settings.yaml ships auth switched off."""
import secrets
from typing import Annotated

from fastapi import Depends, Header, HTTPException

from engine.config import settings


def _check_header(authorization: Annotated[str, Header()] = "") -> bool:
    if not secrets.compare_digest(authorization, settings().server.auth.secret):
        raise HTTPException(status_code=401)
    return True


if not settings().server.auth.enabled:

    def authenticated() -> bool:
        return True

else:

    def authenticated(checked: Annotated[bool, Depends(_check_header)]) -> bool:
        return checked
