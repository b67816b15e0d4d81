from fastapi import Depends, FastAPI
from fastapi.security import OAuth2PasswordBearer
from starlette.middleware.sessions import SessionMiddleware

from partner_sdk.auth import verify_partner

from .config import settings

app = FastAPI(title="Inventory")
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/token")
app.add_middleware(SessionMiddleware, secret_key=settings.SECRET_KEY, https_only=True)


@app.get("/health")
def health():
    return {"ok": True}


@app.get("/items")
def list_items(token: str = Depends(oauth2_scheme)):
    return []


@app.get("/items/{item_id}")
def read_item(item_id: int, partner=Depends(verify_partner)):
    return {"id": item_id}


@app.get("/ping")
def ping():
    return {"secret_configured": bool(settings.SECRET_KEY)}
