# The site as a container: `docker build -t subprocessors .` then
# `docker run -p 3000:3000 subprocessors`. See docs/deployment.md.

# 1. Dependencies, from the lockfile only.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. Build: validates the content (an invalid file stops the build) and writes .next/standalone.
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
# Nothing the server reads when it runs (SMTP_URL, DATABASE_URL, SUBPROCESSORS_FRAME_ANCESTORS, …)
# is set here: the image works the same whatever it is started with (docs/deployment.md).
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# public/ holds optional static files (none in the sample); make sure it exists for the copy below.
RUN mkdir -p public && npx next build

# 3. Run: the standalone server, the assets and the content, as an unprivileged user.
FROM node:24-bookworm-slim AS run
WORKDIR /app
# The embedded database (subscribers, deliveries) lives in DATA_DIR: /data, the one folder the
# unprivileged user may write (/app stays root's). Mount a volume there to keep subscribers
# across containers: `docker run -v subprocessors-data:/data …`.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 DATA_DIR=/data
RUN groupadd --system app && useradd --system --gid app --no-create-home app \
  && mkdir /data && chown app:app /data
VOLUME /data
COPY --from=build --chown=app:app /app/.next/standalone ./
COPY --from=build --chown=app:app /app/.next/static ./.next/static
COPY --from=build --chown=app:app /app/public ./public
# Pages are rendered from the content at run time (a new day's list, hourly revalidation).
COPY --from=build --chown=app:app /app/content ./content
USER app
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/subprocessors').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "server.js"]
