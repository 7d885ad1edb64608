"""Where the project's files live, and where the store goes by default."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = PROJECT_ROOT / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "eukg.ttl"
DATA_DIR = PROJECT_ROOT / "data"
#: The registry of published datasets (``eukg datasets``); ``$EUKG_DATASETS_DIR`` points elsewhere.
DATASETS_DIR = Path(os.environ.get("EUKG_DATASETS_DIR") or PROJECT_ROOT / "datasets")
SHAPES_DIR = PROJECT_ROOT / "shapes"
QUERIES_DIR = PROJECT_ROOT / "queries"


def default_store_path() -> Path:
    """Return the store location: ``$EUKG_STORE``, else ``$XDG_DATA_HOME/eu-regional-kg/store``.

    The default does not depend on the working directory, so the CLI, tests and notebooks
    started anywhere find the same store.
    """
    if env := os.environ.get("EUKG_STORE"):
        return Path(env).expanduser()
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "eu-regional-kg" / "store"
