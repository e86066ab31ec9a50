import path from 'node:path';
import type { NextConfig } from 'next';
// Validates the environment when Next starts or builds, so a bad value fails here with a clear message.
import './lib/env';
import { publicPageRewrites } from './lib/cache/public-rewrites';
import { EVERY_RESPONSE } from './lib/security/headers';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // PGlite loads its WebAssembly and data files from its own package directory at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg-boss', 'redis'],
  // Rendered pages live in our page cache (memory, or Redis with REDIS_URL) rather than in .next on disk, so
  // several app servers share them and a write anywhere invalidates them everywhere (docs/decisions/0013).
  cacheHandler: path.resolve('lib/cache/page-cache.ts'),
  cacheMaxMemorySize: 0,
  async rewrites() {
    // Anonymous visitors to the public pages get their cached twins (docs/decisions/0013).
    return { beforeFiles: publicPageRewrites(), afterFiles: [], fallback: [] };
  },
  async headers() {
    // Every response, files and API routes included; proxy.ts gives pages with scripts a policy with a nonce.
    return [{ source: '/:path*', headers: [...EVERY_RESPONSE] }];
  },
};

export default nextConfig;
