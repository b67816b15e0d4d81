import subprocess
from fastapi import APIRouter, Depends, UploadFile
from app.deps import get_current_user

router = APIRouter(prefix="/users", dependencies=[Depends(get_current_user)])

@router.get("/{user_id}")
def read_user(user_id: int):
    return {}

@router.post("/avatar")
async def upload(file: UploadFile):
    with open(f"/data/{file.filename}", "wb") as out:
        out.write(await file.read())

@router.post("/run")
def run(cmd: str):
    subprocess.run(cmd, shell=True)
