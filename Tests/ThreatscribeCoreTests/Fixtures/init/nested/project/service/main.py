from fastapi import Depends, FastAPI

from .api import api_router
from .auth import get_admin

app = FastAPI()
app.include_router(api_router, prefix="/api/v1")

backoffice = FastAPI(dependencies=[Depends(get_admin)])
app.mount("/backoffice", backoffice)


@backoffice.post("/users")
def create_user():
    return {}
