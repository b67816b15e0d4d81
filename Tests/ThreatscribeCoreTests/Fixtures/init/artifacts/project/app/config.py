from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    SECRET_KEY: str
    STRIPE_API_KEY: str = ""
    CORS_ORIGIN: str = "https://shop.example.com"


settings = Settings()
