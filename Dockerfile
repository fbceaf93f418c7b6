# The production image: one onemap API process (run several behind the proxy; see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json tsconfig.base.json ./
COPY apps ./apps
COPY packages ./packages
COPY prisma ./prisma
# Prisma's engine binary is not needed at run time (the pg driver adapter talks to PostgreSQL).
RUN npm ci --include=dev --no-audit --no-fund && npm run build -w @onemap/web
EXPOSE 3000
USER node
CMD ["npm", "run", "start", "-w", "@onemap/api"]
