// What client components bring into the browser. A client component that imports a constant from a zod
// schema file ships all of zod (about 30 kB compressed) to every signed-in page: the bundler keeps the
// schema module for its side effects. Limits and labels the forms share live in lib/<area>/limits.ts.
// This reads the sources as text and follows static value imports (not `import type`), the way the bundler
// does; it relies on Prettier's single quotes, and does not follow dynamic import() or side-effect-only imports.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)([^;]*?)\s+from\s+'([^']+)'/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

function resolveImport(spec: string, from: string): string | undefined {
  const base = spec.startsWith('@/')
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith('.')
      ? path.resolve(path.dirname(from), spec)
      : undefined;
  if (!base) return undefined;
  return ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((file) => existsSync(file));
}

const directive = (source: string) => source.replace(/^(\s*\/\/[^\n]*\n)*/, '').trimStart();
const isClient = (source: string) => /^['"]use client['"]/.test(directive(source));
/** A 'use server' module reaches the browser as references to its actions, never as code. */
const isServerActions = (source: string) => /^['"]use server['"]/.test(directive(source));
/** `import { type A, type B } from` brings nothing at run time. */
const typesOnly = (names: string) =>
  /^\{[^}]*\}$/.test(names) &&
  names
    .slice(1, -1)
    .split(',')
    .every((name) => !name.trim() || name.trim().startsWith('type '));

/** The chain of imports from `file` to a package named `target`, or undefined when there is none. */
function chainTo(target: string, file: string, seen = new Set<string>()): string[] | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  if (seen.size > 1 && isServerActions(source)) return undefined;
  for (const [, names = '', spec = ''] of source.matchAll(IMPORT)) {
    if (typesOnly(names)) continue;
    if (spec === target || spec.startsWith(`${target}/`)) return [file];
    const next = resolveImport(spec, file);
    const rest = next && chainTo(target, next, seen);
    if (rest) return [file, ...rest];
  }
  return undefined;
}

describe('client components', () => {
  const clientFiles = ['app', 'components']
    .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
    .filter((file) => isClient(readFileSync(file, 'utf8')));

  it('are found', () => {
    expect(clientFiles.length).toBeGreaterThan(20);
  });

  it('bring no zod into the browser (their limits and labels come from lib/<area>/limits.ts)', () => {
    const chains = clientFiles
      .map((file) => chainTo('zod', file))
      .filter((chain): chain is string[] => chain !== undefined)
      .map((chain) => chain.map((file) => path.relative(ROOT, file)).join(' -> '));
    expect(chains).toEqual([]);
  });

  it('would be caught importing a schema file', () => {
    expect(chainTo('zod', path.join(ROOT, 'lib/asks/schema.ts'))).toEqual([path.join(ROOT, 'lib/asks/schema.ts')]);
    expect(chainTo('zod', path.join(ROOT, 'lib/asks/limits.ts'))).toBeUndefined();
  });
});
