# The production image: the site's server (server.mjs) in a standalone build (see README, "Deploying").
#   docker build --build-arg SITE_URL=https://intertitle.example -t intertitle .
#   docker run -p 3000:3000 -e PREVIEW_SECRET=... -e DATABASE_URL=postgres://... -v intertitle-data:/data intertitle
# Node 20 on Debian, as CI; everything the build needs comes from npm.

FROM node:20.20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Canonical URLs, feeds and link cards are written at build time from the public address.
ARG SITE_URL=http://localhost:3000
# --build-arg ISR_CACHE=postgres: instances share regenerated pages through DATABASE_URL.
ARG ISR_CACHE=
ENV SITE_URL=$SITE_URL ISR_CACHE=$ISR_CACHE
RUN npm run build:standalone

FROM node:20.20-bookworm-slim
WORKDIR /app
ARG SITE_URL=http://localhost:3000
# TRUSTED_PROXIES=1: the container runs behind one HTTPS proxy that appends the reader's address to
# X-Forwarded-For, which the signup rate limit reads (with 0 it reads no header at all).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 SITE_URL=$SITE_URL DATA_DIR=/data TRUSTED_PROXIES=1
# The C allocator settings `npm start` runs with (package.json): fewer arenas, and large blocks handed
# back when freed, which keeps a busy server near its warm size (docs/benchmarks.md, "Server memory").
ENV MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072
# The server writes regenerated pages under .next, and PGlite (when DATABASE_URL is unset)
# under /data: both belong to the unprivileged user it runs as.
COPY --from=build --chown=node:node /app/.next/standalone ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
CMD ["node", "server.mjs"]
