"""Stand-in for the uvicorn package of the real KTRDR image: only `python -m uvicorn` is provided."""
