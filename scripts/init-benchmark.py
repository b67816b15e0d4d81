#!/usr/bin/env python3
"""Generates a synthetic FastAPI project with N endpoints (default 400) and times `threatscribe init` on it.

    python3 scripts/init-benchmark.py [.build/release/threatscribe] [ENDPOINTS]

Speed is measured here, never asserted in a test.
"""
import os
import subprocess
import sys
import tempfile
import time

ROUTER = '''from typing import Annotated
from fastapi import APIRouter, Depends, UploadFile
from ..deps import CurrentUser, get_admin

router = APIRouter(prefix="/r{n}", tags=["r{n}"])
'''
ENDPOINT = '''

@router.{method}("/items{i}/{{item_id}}", response_model=dict)
async def handler_{i}(item_id: int, user: CurrentUser, q: str | None = None):
    value = {{"id": item_id, "q": q}}
    for index in range(3):
        value[str(index)] = index
    return value
'''


def generate(root, endpoints):
    package = os.path.join(root, "app")
    os.makedirs(os.path.join(package, "routes"))
    open(os.path.join(package, "__init__.py"), "w").close()
    open(os.path.join(package, "routes", "__init__.py"), "w").close()
    with open(os.path.join(package, "deps.py"), "w") as handle:
        handle.write('''from typing import Annotated
import jwt
from fastapi import Depends
from fastapi.security import OAuth2PasswordBearer
oauth2 = OAuth2PasswordBearer(tokenUrl="/login")
def get_user(token: Annotated[str, Depends(oauth2)]):
    return jwt.decode(token, "k", algorithms=["HS256"])
CurrentUser = Annotated[dict, Depends(get_user)]
def get_admin(user: CurrentUser):
    return user
''')
    routers = (endpoints + 9) // 10
    includes = []
    for n in range(routers):
        with open(os.path.join(package, "routes", f"r{n}.py"), "w") as handle:
            handle.write(ROUTER.format(n=n))
            for i in range(10):
                if n * 10 + i < endpoints:
                    handle.write(ENDPOINT.format(i=i, method=["get", "post", "put", "delete"][i % 4]))
        includes.append(f"from .routes import r{n}\napp.include_router(r{n}.router, prefix='/api')\n")
    with open(os.path.join(package, "main.py"), "w") as handle:
        handle.write("from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n"
                     "app = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=['https://a.example'])\n")
        handle.write("".join(includes))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/threatscribe"
    endpoints = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    with tempfile.TemporaryDirectory() as root:
        generate(root, endpoints)
        output = os.path.join(root, "model.yaml")
        start = time.monotonic()
        run = subprocess.run([binary, "init", root, "--output", output], capture_output=True, text=True)
        elapsed = time.monotonic() - start
        print(run.stdout.splitlines()[1] if run.returncode == 0 else run.stderr)
        print(f"init on {endpoints} endpoints: {elapsed:.2f} s (exit {run.returncode})")


if __name__ == "__main__":
    main()
