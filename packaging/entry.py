"""Entry script for the frozen bundle."""

import sys

from studio_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
