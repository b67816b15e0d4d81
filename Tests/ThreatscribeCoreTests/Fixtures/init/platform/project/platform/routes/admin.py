from fastapi import APIRouter, Depends, FastAPI
from ..security import admin_user

admin_router = APIRouter(prefix="/users", dependencies=[Depends(admin_user)])


@admin_router.get("/")
def list_users():
    return []


@admin_router.delete("/{user_id}")
def delete_user(user_id: int):
    return None
