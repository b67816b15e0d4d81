"""Settings from settings.yaml through the project's own loader (init reads the YAML, never this code)."""
from pathlib import Path

from engine.yaml_loader import load_typed

SETTINGS_FILE = "settings.yaml"


def settings():
    return load_typed(Path(__file__).parent.parent / SETTINGS_FILE)
