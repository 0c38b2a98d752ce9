# Fixture written for the tests, in the shape of a settings module (not a copy of KTRDR's).
from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def deprecated_field(default, new_env, old_env, **kwargs):
    return Field(default=default, validation_alias=AliasChoices(new_env, old_env), **kwargs)


class AuthSettings(BaseSettings):
    jwt_secret: str = Field(
        default="insecure-dev-secret",
        description="signing key",
    )
    token_minutes: int = Field(default=60, gt=0)

    model_config = SettingsConfigDict(env_prefix="KTRDR_AUTH_", extra="ignore")


class DatabaseSettings(BaseSettings):
    host: str = deprecated_field("localhost", "KTRDR_DB_HOST", "DB_HOST")
    password: str = deprecated_field("localdev", "KTRDR_DB_PASSWORD", "DB_PASSWORD")

    model_config = SettingsConfigDict(env_prefix="KTRDR_DB_")

    @property
    def url(self) -> str:
        return f"postgresql://{self.host}"


class WorkerSettings(BaseSettings):
    public_base_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("KTRDR_WORKER_PUBLIC_BASE_URL", "WORKER_PUBLIC_BASE_URL"),
    )
    port: int = 5003  # listen port fallback
    tags: list[str] = Field(default_factory=list)

    model_config = SettingsConfigDict(env_prefix="KTRDR_WORKER_")
