#!/bin/sh
set -e
echo "starting the engine"
exec uvicorn engine.main:app $(eval echo "$@")
