from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer

oauth2 = OAuth2PasswordBearer(tokenUrl="/token")


def get_current_user(request: Request):
    return request.app.state.auth_provider.user(request)


def get_admin(token: str = Depends(oauth2)):
    return token


def get_staff(user=Depends(get_admin)):
    return user
