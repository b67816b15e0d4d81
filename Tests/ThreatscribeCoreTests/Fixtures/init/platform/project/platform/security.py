from typing import Annotated, Optional
from fastapi import Cookie, Depends, Header, HTTPException, Security
from fastapi.security import APIKeyHeader, HTTPBasic, HTTPBasicCredentials, HTTPBearer
from jose import jwt

from .settings import settings

api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)
bearer = HTTPBearer(auto_error=False)
basic = HTTPBasic()


def decode(token: str):
    return jwt.decode(token, settings.JWT_SECRET)


def current_principal(key: Optional[str] = Security(api_key_header), creds=Depends(bearer)):
    if key:
        return key
    if creds:
        return decode(creds.credentials)
    raise HTTPException(401)


def admin_user(credentials: Annotated[HTTPBasicCredentials, Depends(basic)]):
    return credentials.username


def tenant_token(x_tenant_token: str = Header()):
    return x_tenant_token


def session_user(sid: Optional[str] = Cookie(default=None)):
    return sid


Principal = Annotated[str, Depends(current_principal)]
