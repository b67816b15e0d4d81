"""The typed shape settings.yaml is loaded into; a key the YAML file leaves out takes the default here."""
from pydantic import BaseModel, Field


class CorsSettings(BaseModel):
    enabled: bool = True
    allow_origins: list[str] = []
    allow_credentials: bool = Field(default=False, description="Not in settings.yaml: this default applies.")
    allow_origin_regex: str | None = None


class ServerSettings(BaseModel):
    cors: CorsSettings


class Settings(BaseModel):
    server: ServerSettings
