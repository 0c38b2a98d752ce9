# Fixture written for the tests: the CLI runs on a workstation, not in a container.
import os

TOKEN = os.getenv("CLI_ONLY_TOKEN")
