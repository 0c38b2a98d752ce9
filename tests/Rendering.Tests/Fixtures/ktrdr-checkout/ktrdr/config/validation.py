# Fixture written for the tests.
import os

INSECURE_DEFAULTS: dict[str, str] = {
    "KTRDR_DB_PASSWORD": "localdev",
    "KTRDR_AUTH_JWT_SECRET": "insecure-dev-secret",
}


def mode() -> str:
    return os.getenv("KTRDR_ENV", "development").lower()
