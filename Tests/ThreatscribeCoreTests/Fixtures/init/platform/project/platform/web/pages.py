from fastapi import APIRouter, Depends, Request, WebSocket
from fastapi.templating import Jinja2Templates

from ..security import session_user

templates = Jinja2Templates(directory="templates")
pages = APIRouter()


@pages.get("/")
def home(request: Request, user=Depends(session_user)):
    return templates.TemplateResponse(request, "home.html")


@pages.websocket("/ws")
async def feed(websocket: WebSocket):
    await websocket.accept()
