import { defineConfig } from 'prisma/config';

// The CLI only generates the client here (its schema engine cannot be downloaded on these
// machines); migrations are applied by src/database/migrator.ts, see README.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/unused' },
});
