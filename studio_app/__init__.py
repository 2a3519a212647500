"""Studio Console: pre-stream checks, teleprompter and review for a live-commerce studio."""

__version__ = "0.1.0"
