"""Plain command lines read without typer, for the fast paths of ``eukg query`` and ``eukg resolve``.

Importing typer (and pydantic with it) costs about 0.2 s; a command whose answer is ready (a stored
answer, a cached index) reads its arguments here instead. Anything that is not plain (an unknown
option, an option given twice, a second name) gives None, and the typer command then handles the
arguments and says what it makes of them.
"""

from __future__ import annotations

__all__ = ["plain"]


def _option(argument: str, queue: list[str], valued: dict[str, str]) -> tuple[str, str] | None:
    """Return the key and value of the valued option ``argument`` (``--opt=v`` or ``--opt v``), or None."""
    option, equals, value = argument.partition("=") if argument.startswith("--") else (argument, "", "")
    if option not in valued:
        return None
    if not equals:
        if not queue:
            return None
        value = queue.pop(0)
    return valued[option], value


def plain(arguments: list[str], valued: dict[str, str], flags: dict[str, str] | None = None) -> dict[str, str] | None:
    """Return the name and the options of ``arguments`` by key, or None when they are not plain ones.

    ``valued`` maps each option that takes a value (``--format``, ``-f``) to its key, ``flags`` each
    flag to its key (its value is ``"1"``). One name, anywhere, or after ``--``.

    >>> plain(["regions", "-f", "csv", "--store=/tmp/s", "--wide"], {"-f": "format", "--store": "store"},
    ...       {"--wide": "wide"})
    {'name': 'regions', 'format': 'csv', 'store': '/tmp/s', 'wide': '1'}
    >>> plain(["regions", "-p", "level=2"], {"-f": "format"}) is None, plain(["a", "b"], {}) is None
    (True, True)
    >>> plain(["--", "-odd name"], {})
    {'name': '-odd name'}
    """
    flags = flags or {}
    found: dict[str, str] = {}
    queue = list(arguments)
    while queue:
        argument = queue.pop(0)
        if argument == "--":
            if len(queue) != 1 or "name" in found:
                return None
            key, value = "name", queue.pop(0)
        elif argument in flags:
            key, value = flags[argument], "1"
        elif argument.startswith("-"):
            option = _option(argument, queue, valued)
            if option is None:
                return None
            key, value = option
        else:
            key, value = "name", argument
        if key in found:
            return None
        found[key] = value
    return found if "name" in found else None
