"""KKR Desk: the secretary's desk for a Danish KKR meeting, from roll call to referat."""

from __future__ import annotations

DISTRIBUTION = "kkr-desk"


def version() -> str:
    """The installed version, from the package metadata: pyproject.toml is the one place."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version(DISTRIBUTION)
    except PackageNotFoundError:
        return "ukendt (ikke installeret)"


def __getattr__(name: str) -> str:
    # ``kkr_desk.__version__`` on demand: importlib.metadata costs start-up time otherwise.
    if name == "__version__":
        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
