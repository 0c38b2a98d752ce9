# Fixture written for the tests.
import os


def reconcile():
    if not os.getenv("DB_HOST"):
        return
    folder = os.environ.get("STRATEGIES_DIR", "strategies")
    # os.getenv("COMMENTED_OUT") is not a read
    return os.environ["DB_HOST"], folder
