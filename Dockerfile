# syntax=docker/dockerfile:1
# Nexora API and worker image.
#
#   docker build -t nexora .
#   docker run --rm -p 8000:8000 nexora                      # embedded profile (SQLite in /app/var)
#   docker run --rm nexora nexora db upgrade                 # any `nexora` command
#   docker build --build-arg UV_SYNC_ARGS="--extra granian" -t nexora .   # with granian (NEXORA_SERVER=granian)
#
# The production profile (MySQL + Redis, one-shot migrations, API, worker) is wired in docker-compose.yml.

ARG PYTHON_IMAGE=python:3.11-slim
ARG UV_VERSION=0.13.9

FROM ghcr.io/astral-sh/uv:${UV_VERSION} AS uv

# ---------------------------------------------------------------------------------------------------------
# builder: resolve nothing, install exactly uv.lock into /app/.venv, then the project as a real package.
# ---------------------------------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS builder

COPY --from=uv /uv /usr/local/bin/uv

# Use the image's interpreter (never download one), copy files out of the cache mount instead of
# hard-linking, and compile bytecode once here rather than in every container at start-up.
ENV UV_PYTHON=/usr/local/bin/python3.11 \
    UV_PYTHON_DOWNLOADS=never \
    UV_LINK_MODE=copy \
    UV_COMPILE_BYTECODE=1

# Extra `uv sync` arguments, e.g. "--extra granian".
ARG UV_SYNC_ARGS=""

WORKDIR /app

# Dependencies first: this layer is rebuilt only when the lock file changes, not on every code change.
COPY pyproject.toml uv.lock README.md ./
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-install-project ${UV_SYNC_ARGS}

# Then the project itself, as a wheel (not editable): the runtime image needs no source tree.
COPY src/ src/
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-editable ${UV_SYNC_ARGS}

# ---------------------------------------------------------------------------------------------------------
# runtime: the interpreter, the virtualenv and the migrations; no uv, no compiler, no source tree.
# ---------------------------------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime

ARG PYTHON_IMAGE
ARG VERSION=0.1.0
ARG VCS_REF=""
ARG BUILD_DATE=""

LABEL org.opencontainers.image.title="nexora" \
      org.opencontainers.image.description="Nexora home-services marketplace backend: Litestar API, arq worker and the nexora CLI." \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${VCS_REF}" \
      org.opencontainers.image.created="${BUILD_DATE}" \
      org.opencontainers.image.vendor="Nexora" \
      org.opencontainers.image.licenses="LicenseRef-Proprietary" \
      org.opencontainers.image.base.name="${PYTHON_IMAGE}"

RUN groupadd --system --gid 10001 nexora \
    && useradd --system --uid 10001 --gid nexora --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin nexora

ENV PATH="/app/.venv/bin:${PATH}" \
    VIRTUAL_ENV=/app/.venv \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    NEXORA_ENV=production \
    NEXORA_HOST=0.0.0.0 \
    NEXORA_PORT=8000 \
    NEXORA_MIGRATIONS_DIR=/app/migrations

WORKDIR /app

# Owned by root and read-only for the app user; only var/ (the default SQLite file) is writable.
COPY --from=builder /app/.venv /app/.venv
COPY alembic.ini ./
COPY migrations/ migrations/
RUN install -d -o nexora -g nexora -m 0750 /app/var

USER 10001:10001

EXPOSE 8000

# Liveness only (the process answers); /health/ready also checks MySQL and Redis. slim has no curl.
# Containers running `nexora worker` or a one-shot command should disable it (docker-compose.yml does).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/health/live' % os.environ.get('NEXORA_PORT', '8000'), timeout=4)"]

CMD ["nexora", "serve"]
