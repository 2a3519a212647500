import sys

from studio_app.cli import main

sys.exit(main())
