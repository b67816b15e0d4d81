import jwt
from fastapi import Depends
from fastapi.security import OAuth2PasswordBearer
from app.core.config import settings
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/login")
def get_current_user(token: str = Depends(oauth2_scheme)):
    return jwt.decode(token, settings.SECRET_KEY, algorithms=["HS256"])
