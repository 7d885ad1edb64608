"""Where the project's files live, and where the store goes by default.

The graph is built from five folders: ``ontology/``, ``shapes/``, ``queries/``, ``data/`` and the
registry of published datasets ``datasets/``. In a checkout of the repository they are its top-level
folders, and ``eukg`` reads and writes them there. An installed package (``pip install .``) carries a
copy of them as package data, ``kg/_data/NAME/`` (setup.py maps the top-level folders there), found
through :mod:`importlib.resources`; that copy is read, never written: ``eukg ingest`` then keeps its
sources in the local sources folder (:func:`kg.layout.local_sources_dir`, ``$EUKG_LOCAL_SOURCES``).

Examples
--------
>>> ONTOLOGY_FILE.name, QUERIES_DIR.name, SHAPES_DIR.name
('eukg.ttl', 'queries', 'shapes')
>>> is_packaged(DATA_DIR) == (not IN_CHECKOUT)
True
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

__all__ = [
    "DATASETS_DIR", "DATA_DIR", "IN_CHECKOUT", "ONTOLOGY_DIR", "ONTOLOGY_FILE", "PACKAGE_DIR", "PACKAGED_FILES",
    "PROJECT_ROOT", "QUERIES_DIR", "SHAPES_DIR", "default_store_path", "is_packaged",
]

#: The folder of the ``kg`` package itself (its code, and in an installed package ``_data/``).
PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT = PACKAGE_DIR.parent
#: The folder the installed package keeps its copy of the project's files in (absent in a checkout).
PACKAGED_FILES = Path(str(resources.files("kg").joinpath("_data"))).resolve()


def _in_checkout(root: Path) -> bool:
    """Whether ``root`` is a checkout of the repository: its pyproject.toml beside ontology/eukg.ttl."""
    return (root / "pyproject.toml").is_file() and (root / "ontology" / "eukg.ttl").is_file()


#: Whether the package runs from a checkout (also an editable install) rather than from an installed copy.
IN_CHECKOUT = _in_checkout(_CHECKOUT) or not PACKAGED_FILES.is_dir()
#: The folder holding ontology/, shapes/, queries/, data/ and datasets/: the checkout, or the installed copy.
PROJECT_ROOT = _CHECKOUT if IN_CHECKOUT else PACKAGED_FILES
ONTOLOGY_DIR = PROJECT_ROOT / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "eukg.ttl"
DATA_DIR = PROJECT_ROOT / "data"
#: The registry of published datasets (``eukg datasets``); ``$EUKG_DATASETS_DIR`` points elsewhere.
DATASETS_DIR = Path(os.environ.get("EUKG_DATASETS_DIR") or PROJECT_ROOT / "datasets")
SHAPES_DIR = PROJECT_ROOT / "shapes"
QUERIES_DIR = PROJECT_ROOT / "queries"


def is_packaged(path: Path) -> bool:
    """Whether ``path`` lies in the installed package's copy of the project's files (read, never written).

    Examples
    --------
    >>> is_packaged(PACKAGED_FILES / "data"), is_packaged(Path("/tmp/data"))
    (True, False)
    """
    return Path(path).resolve().is_relative_to(PACKAGED_FILES)


def default_store_path() -> Path:
    """Return the store location: ``$EUKG_STORE``, else ``$XDG_DATA_HOME/eu-regional-kg/store``.

    The default does not depend on the working directory, so the CLI, tests and notebooks
    started anywhere find the same store.
    """
    if env := os.environ.get("EUKG_STORE"):
        return Path(env).expanduser()
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "eu-regional-kg" / "store"
