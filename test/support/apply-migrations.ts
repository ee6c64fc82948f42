import { applyD1Migrations, env } from "cloudflare:test";

// Every workers test file starts from a database with the current schema.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
