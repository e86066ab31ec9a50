// Every endpoint a browser can reach that is not a page: the exports of each `'use server'` module under
// lib/ and app/ (each is a public POST endpoint, whatever page shows its button) and the HTTP methods of each
// route.ts under app/. Found by reading the source tree, so a new one cannot be forgotten by a list.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'generated', '.next']);

/** The directive as a module's first statement: only comments and blank space may come before it. */
const FILE_DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use server['"]/;

async function sourceFiles(directory: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(ROOT, directory), { withFileTypes: true })) {
    const relative = path.posix.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) files.push(...(await sourceFiles(relative)));
    } else if (/\.(ts|tsx)$/.test(entry.name)) {
      files.push(relative);
    }
  }
  return files.sort();
}

export interface Endpoint {
  /** `lib/offers/actions.ts acceptOfferAction`, or `GET /api/meetings/[id]/calendar`. */
  name: string;
  handler: (...args: never[]) => unknown;
}

/** The address a route.ts answers at: app/ and route groups like `(app)` are not part of it. */
export function routePath(file: string): string {
  const segments = path.posix
    .dirname(file)
    .split('/')
    .slice(1)
    .filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${segments.join('/')}`;
}

/** Source files under lib/, app/ and components/ that mention the directive anywhere but as their first statement. */
export async function inlineServerActionFiles(): Promise<string[]> {
  const found: string[] = [];
  for (const file of [...(await sourceFiles('lib')), ...(await sourceFiles('app')), ...(await sourceFiles('components'))]) {
    const text = await readFile(path.join(ROOT, file), 'utf8');
    if (/['"]use server['"]/.test(text.replace(FILE_DIRECTIVE, ''))) found.push(file);
  }
  return found;
}

export async function discoverEndpoints(): Promise<Endpoint[]> {
  const endpoints: Endpoint[] = [];
  for (const file of [...(await sourceFiles('lib')), ...(await sourceFiles('app'))]) {
    const text = await readFile(path.join(ROOT, file), 'utf8');
    const isActions = FILE_DIRECTIVE.test(text);
    const isRoute = file.startsWith('app/') && path.posix.basename(file) === 'route.ts';
    if (!isActions && !isRoute) continue;
    const exports = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== 'function') continue;
      if (isActions) endpoints.push({ name: `${file} ${name}`, handler: value as Endpoint['handler'] });
      else if ((HTTP_METHODS as readonly string[]).includes(name))
        endpoints.push({ name: `${name} ${routePath(file)}`, handler: value as Endpoint['handler'] });
    }
  }
  return endpoints.sort((a, b) => a.name.localeCompare(b.name));
}
