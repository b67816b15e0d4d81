from fastapi import APIRouter, Depends

from .auth import get_current_user, get_staff
from .routes.incidents import router as incidents_router
from .routes.tasks import router as tasks_router

api_router = APIRouter()
authenticated_organization_api_router = APIRouter()
staff_router = APIRouter(dependencies=[Depends(get_staff)])

staff_router.include_router(tasks_router, prefix="/tasks")
authenticated_organization_api_router.include_router(incidents_router, prefix="/incidents")
authenticated_organization_api_router.include_router(staff_router, prefix="/staff")


@api_router.post("/feedback")
def feedback():
    return {}


api_router.include_router(
    authenticated_organization_api_router,
    prefix="/{organization}",
    dependencies=[Depends(get_current_user)],
)
