// `prisma generate` on a machine that cannot download Prisma's native schema engine.
// Generation does not use that engine, but the CLI insists on finding one, so we point it at a stub
// that explains itself if anything ever does call it. See docs/decisions/0003-migrations.md.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const stub = fileURLToPath(new URL('./db/no-schema-engine.sh', import.meta.url));
const result = spawnSync('npx', ['--no-install', 'prisma', 'generate'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub },
});
process.exit(result.status ?? 1);
