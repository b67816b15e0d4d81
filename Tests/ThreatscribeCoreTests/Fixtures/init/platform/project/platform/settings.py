import os
from typing import Optional
from pydantic import Field
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    ENVIRONMENT: str = "production"
    BACKEND_CORS_ORIGINS: list[str] = []
    SESSION_SECRET: str = Field(default="insecure-session", alias="APP_SESSION_SECRET")
    JWT_SECRET: str = Field(...)
    ADMIN_HOST: str = "admin.example.com"

    class Config:
        env_prefix = "PLATFORM_"
        env_file = ".env"


settings = Settings()
DOCS_URL = os.getenv("DOCS_URL", "/internal/docs")
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "api.example.com,localhost").split(",")
