"""Service settings from the environment (prefix SPINECHECK_), e.g. SPINECHECK_DATABASE_URL."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from ..store import StoreConfig


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SPINECHECK_", extra="ignore")

    database_url: str = Field("sqlite:///spinecheck.db", description="SQLAlchemy URL; SQLite file by default, "
                              "or postgresql+psycopg://user:pass@host:5432/db")
    max_body_bytes: int = Field(256 * 1024, ge=1024, description="Largest accepted request body (413 above it)")
    db_timeout_seconds: float = Field(10.0, gt=0, description="Connect, lock and pool wait before answering 503")
    statement_timeout_seconds: float = Field(30.0, gt=0, description="PostgreSQL statement timeout")
    sqlite_synchronous: Literal["FULL", "NORMAL", "EXTRA"] = "FULL"
    group_commit_max: int = Field(64, ge=1, le=1000, description="Most concurrent submissions one commit "
                                  "makes durable together (1 turns group commit off)")
    pool_size: int = Field(10, ge=1)
    max_overflow: int = Field(20, ge=0)
    auth_cache_seconds: float = Field(2.0, ge=0, description="How long a verified API key is trusted without "
                                      "asking the database again (0: every request asks)")
    threads: int = Field(8, ge=1, le=200, description="Worker threads per process for evaluation and database "
                         "work; CPU-bound work gains nothing from more, and loses to lock contention")
    auto_migrate: bool = Field(True, description="Create or upgrade the schema on first use")
    log_level: str = "INFO"

    def store_config(self) -> StoreConfig:
        return StoreConfig(url=self.database_url, timeout_seconds=self.db_timeout_seconds,
                           statement_timeout_seconds=self.statement_timeout_seconds,
                           sqlite_synchronous=self.sqlite_synchronous, pool_size=self.pool_size,
                           max_overflow=self.max_overflow, auto_migrate=self.auto_migrate,
                           group_commit_max=self.group_commit_max)
