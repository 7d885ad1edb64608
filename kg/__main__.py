"""``eukg`` and ``python -m kg``: start on mimalloc when it is installed, then run the command line."""

import sys


def main() -> None:
    """Entry point of the ``eukg`` console script."""
    # ``eukg resolve`` answers from an index cached beside the store in a fraction of a second: it
    # neither needs mimalloc nor can afford typer's start-up (kg.resolve.fast).
    if len(sys.argv) > 1 and sys.argv[1] == "resolve":
        from kg.resolve.fast import run as resolve

        if resolve(sys.argv[2:]):
            return
    # ``eukg query NAME`` writes an answer stored with the store without typer, rdflib or the store (kg.sparql.fast).
    if len(sys.argv) > 1 and sys.argv[1] == "query":
        from kg.sparql.fast import run as stored_query

        if stored_query(sys.argv[2:]):
            return
    from kg.build.allocator import relaunch_on_mimalloc

    relaunch_on_mimalloc()
    # Imported after the relaunch, so that the process that is replaced has not paid for the imports.
    from kg.cli import main as run

    run()


if __name__ == "__main__":
    main()
