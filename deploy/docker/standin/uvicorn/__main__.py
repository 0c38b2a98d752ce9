"""`python -m uvicorn <module>:app --host H --port P`, as the real KTRDR image runs it.

The lab's image has Debian's python3 (so compose healthchecks written as `python -c "..."` work
unchanged) but no uvicorn and no KTRDR: this module replaces itself with the stand-in binary,
which serves the application named on the command line. exec keeps the PID, so the stand-in
receives docker's SIGTERM directly.
"""
import os
import sys

STANDIN = "/app/ktrdr-standin"

os.execv(STANDIN, [STANDIN, "-m", "uvicorn", *sys.argv[1:]])
