import os
import subprocess
from fastapi import FastAPI

open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "EXECUTED"), "w").write("main imported")
subprocess.run(["sh", "-c", "touch EXECUTED"])

app = FastAPI(docs_url=None)


@app.get("/items")
def items():
    return []
