"""The packages of the distribution: kg's own, and the project's data folders as ``kg._data.NAME``.

The checkout keeps ontology/, shapes/, queries/, data/ and datasets/ at its top, for readers; an
installed package carries every file of them (hidden files aside) as ``kg/_data/NAME/``, where
:mod:`kg.paths` finds them. The project's metadata and dependencies are in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

DATA_FOLDERS = ("ontology", "shapes", "queries", "data", "datasets")


def data_packages() -> dict[str, str]:
    """Return each package of the project's files (``kg._data.queries.qc`` …) and its folder (``queries/qc``)."""
    found = {}
    for name in DATA_FOLDERS:
        found[f"kg._data.{name}"] = name
        for sub in find_namespace_packages(where=name):
            found[f"kg._data.{name}.{sub}"] = f"{name}/{sub.replace('.', '/')}"
    return found


DATA_PACKAGES = data_packages()

setup(
    packages=[*find_namespace_packages(include=["kg", "kg.*"]), *DATA_PACKAGES],
    package_dir=DATA_PACKAGES,
    package_data={
        "kg": ["static/*", "static/vendor/*"],
        "kg.export": ["context.jsonld"],
        "kg.ingest": ["mappings/*.yaml"],
        "kg.resolve": ["data/*.tsv", "data/*.tsv.gz"],
        **{package: ["*"] for package in DATA_PACKAGES},
    },
)
