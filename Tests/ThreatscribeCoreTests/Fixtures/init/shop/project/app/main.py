import os
from fastapi import FastAPI, Depends
from fastapi.middleware.cors import CORSMiddleware
from starlette.middleware.sessions import SessionMiddleware
from app.api import users
from app.core.config import settings

ORIGINS = ["https://app.example.com"]
app = FastAPI(title="Shop", docs_url=None, openapi_url=f"{settings.API_V1_STR}/openapi.json")
app.add_middleware(CORSMiddleware, allow_origins=ORIGINS, allow_credentials=True, allow_methods=["*"])
app.add_middleware(SessionMiddleware, secret_key=os.getenv("SESSION_SECRET", "dev"), https_only=False)

@app.middleware("http")
async def timing(request, call_next):
    return await call_next(request)

app.include_router(users.router, prefix=settings.API_V1_STR)

@app.get("/health")
def health():
    return {"ok": True}


from typing import Annotated
from fastapi.security import OAuth2PasswordRequestForm


@app.post("/login")
def login(form: Annotated[OAuth2PasswordRequestForm, Depends()]):
    return {"access_token": form.username}
