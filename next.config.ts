import path from 'node:path';
import type { NextConfig } from 'next';
// Validates the environment when Next starts or builds, so a bad value fails here with a clear message.
import './lib/env';
import { cachedPageRewrites } from './lib/cache/cached-routes';
import { EVERY_RESPONSE } from './lib/security/headers';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // PGlite loads its WebAssembly and data files from its own package directory at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg-boss', 'redis'],
  // Rendered pages live in our page cache (memory, or Redis with REDIS_URL) rather than in .next on disk, so
  // several app servers share them; the database says when one is stale (docs/decisions/0024).
  cacheHandler: path.resolve('lib/cache/page-cache.ts'),
  cacheMaxMemorySize: 0,
  async rewrites() {
    // Requests a cached page answers go to its twin (lib/cache/cached-routes.ts).
    return { beforeFiles: cachedPageRewrites(), afterFiles: [], fallback: [] };
  },
  async headers() {
    // Every response, files and API routes included; proxy.ts gives pages with scripts a policy with a nonce.
    return [{ source: '/:path*', headers: [...EVERY_RESPONSE] }];
  },
};

export default nextConfig;
