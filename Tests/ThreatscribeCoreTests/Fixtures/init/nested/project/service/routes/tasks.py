from fastapi import APIRouter

router = APIRouter()


@router.post("/{task_id}")
def update_task(task_id: int):
    return {}
