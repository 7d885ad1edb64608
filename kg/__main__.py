"""``eukg`` and ``python -m kg``: start on mimalloc when it is installed, then run the command line."""

from kg.allocator import relaunch_on_mimalloc


def main() -> None:
    """Entry point of the ``eukg`` console script."""
    relaunch_on_mimalloc()
    # Imported after the relaunch, so that the process that is replaced has not paid for the imports.
    from kg.cli import main as run

    run()


if __name__ == "__main__":
    main()
