import os
import requests
from fastapi import APIRouter, BackgroundTasks, Depends
from fastapi.responses import FileResponse

from ..security import Principal, tenant_token

router = APIRouter(tags=["files"])
BASE = "/srv/files"


def convert(name: str):
    os.system(f"convert {name} out.png")


@router.get("/download")
def download(name: str, who: Principal):
    return FileResponse(os.path.join(BASE, name))


@router.post("/fetch", dependencies=[Depends(tenant_token)])
def fetch(url: str):
    return requests.get(url, timeout=5).text


@router.post("/convert")
def start(name: str, tasks: BackgroundTasks, who: Principal):
    tasks.add_task(convert, name)
    return {"queued": name}


@router.post("/calc", include_in_schema=False)
def calc(expression: str):
    return {"value": eval(expression)}


@router.api_route("/legacy", methods=["GET", "POST"])
def legacy():
    return {}


@router.get("/odd#path: {x}\n- injected: true\u2028")
def odd(x: str):
    return {}
