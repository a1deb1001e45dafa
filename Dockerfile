# Production image: builds the TypeScript and runs against the PostgreSQL in DATABASE_URL.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Everything the install's postinstall needs (prisma generate, then tsc) goes in first: npm ci
# builds the app as it installs.
COPY package.json package-lock.json prisma.config.ts tsconfig.json tsconfig.build.json ./
COPY prisma ./prisma
COPY src ./src
COPY jobs ./jobs
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma ./prisma
# The web pages' templates and assets are read from the source tree at run time.
COPY --from=build /app/src/web/views ./src/web/views
COPY --from=build /app/src/web/assets ./src/web/assets
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
