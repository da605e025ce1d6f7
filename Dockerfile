# One image for every app process: web (gunicorn), worker and beat (Celery), migrate.
# docker-compose.yml picks the process with `command:`; the default below serves the API.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore

# The runtime user. It gets a home directory because gunicorn puts its control socket in
# ~/.gunicorn; the code itself stays owned by root, so the running app cannot rewrite it.
RUN groupadd --system --gid 10001 legstrong \
    && useradd --system --uid 10001 --gid legstrong --create-home --home-dir /home/legstrong \
       --shell /usr/sbin/nologin legstrong

WORKDIR /app

# Dependencies first, so a code change does not reinstall them. All pins have wheels for
# this platform (psycopg-binary included), so no compiler is needed.
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt

COPY . .

# Static files are baked into the image and served by WhiteNoise. Settings refuse to load
# with DEBUG off and no SECRET_KEY, so this one step gets a throwaway key; it is not kept
# in the image's environment, and the real key arrives at run time.
RUN env DEBUG=false SECRET_KEY=collectstatic-build-step-only-not-a-secret \
    python manage.py collectstatic --noinput

USER legstrong

EXPOSE 8000

CMD ["gunicorn", "config.wsgi:application", "--bind=0.0.0.0:8000", "--workers=2", "--access-logfile=-", "--worker-tmp-dir=/dev/shm"]
