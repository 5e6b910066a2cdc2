"""The standalone bundle's entry point (tools/qawl.spec): the same ``qawl`` command as the console script."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # `qawl suggest` spawns worker processes: in a bundle they re-enter here
    from app.cli import main

    sys.exit(main())
