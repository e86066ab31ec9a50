// The lowest version of each runtime dependency we accept, beside the advisory it keeps out. The registry's
// audit endpoint cannot be reached from here, so this is the guard: it reads what is installed in
// node_modules (not what package.json asks for) and fails when anything is older than its floor.
// Raise a floor when an advisory is fixed; never lower one. See docs/decisions/0019-dependency-floors.md.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

const FLOORS: Record<string, string> = {
  // GHSA-2xp9-vwfh-vxw4 (RCE in the image optimiser via AVIF), GHSA-p293-qw3h-jr36 / CVE-2026-75604 (RCE on Windows hosts).
  next: '16.3.3',
  // None against react; the RSC ones (CVE-2025-55182 etc.) are in react-server-dom-*, bundled by next. Installed version.
  react: '19.3.1',
  // No advisory against react-dom; kept level with react, which it must match. Installed version.
  'react-dom': '19.3.1',
  // GHSA-7rqj-j65f-68wh / CVE-2026-73420: a homoglyph "@" passed the email normaliser and the magic link went to another mailbox.
  'next-auth': '4.24.15',
  // Chosen in decision 19; newest advisory it is past: GHSA-3q53-mvfw-q9v8 / CVE-2026-125755 (recipient allow-list bypass, 10.4.1).
  nodemailer: '10.6.1',
  // GHSA-wc9v-mj63-m9g5 / CVE-2017-16082 (RCE via column names) is long fixed; CVE-2026-142201 has no fixed release yet. Installed version.
  pg: '8.23.1',
  // No advisory known. Installed version, so a downgrade is noticed.
  'pg-boss': '12.38.0',
  // No advisory known. Installed version, so a downgrade is noticed.
  '@prisma/client': '7.10.0',
  // GHSA-35q2-47q7-3pc3 / CVE-2021-29469 (ReDoS in monitor mode) was fixed in 3.1.1; none known since. Installed version.
  redis: '6.3.1',
};

/** Orders two `major.minor.patch[-prerelease]` versions: negative, zero or positive. */
function compareVersions(a: string, b: string): number {
  const parse = (version: string) => {
    const [core = '', prerelease] = version.split('+')[0]!.split(/-(.*)/s);
    const parts = core.split('.').map((part) => {
      if (!/^\d+$/.test(part)) throw new Error(`Not a version: ${version}`);
      return Number(part);
    });
    if (parts.length !== 3) throw new Error(`Not a version: ${version}`);
    return { parts, prerelease };
  };
  const left = parse(a);
  const right = parse(b);
  for (let i = 0; i < 3; i++) {
    const difference = left.parts[i]! - right.parts[i]!;
    if (difference !== 0) return difference;
  }
  // A prerelease comes before its release (10.0.0-beta.1 < 10.0.0).
  if (left.prerelease === undefined || right.prerelease === undefined) {
    return (left.prerelease === undefined ? 1 : 0) - (right.prerelease === undefined ? 1 : 0);
  }
  return left.prerelease.localeCompare(right.prerelease, 'en', { numeric: true });
}

function installedVersion(packageDir: string): string {
  const file = path.join(packageDir, 'package.json');
  if (!existsSync(file)) throw new Error(`Not installed: ${packageDir}`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

describe('installed dependencies are at or above their floors', () => {
  it.each(Object.entries(FLOORS))('%s is at least %s', (name, floor) => {
    const installed = installedVersion(path.join(ROOT, 'node_modules', name));
    expect(compareVersions(installed, floor), `${name} ${installed} is below its floor ${floor}`).toBeGreaterThanOrEqual(0);
  });

  it('next-auth loads the same nodemailer as our mailer, not an older copy of its own', () => {
    // next-auth's peer range stops at nodemailer 7; package.json's overrides let it share ours.
    const fromNextAuth = createRequire(path.join(ROOT, 'node_modules/next-auth/package.json')).resolve('nodemailer/package.json');
    expect(fromNextAuth).toBe(path.join(ROOT, 'node_modules/nodemailer/package.json'));
  });
});

describe('compareVersions', () => {
  it('compares each part as a number, not as text', () => {
    expect(compareVersions('10.6.1', '9.1.1')).toBeGreaterThan(0);
    expect(compareVersions('16.10.0', '16.9.9')).toBeGreaterThan(0);
    expect(compareVersions('4.24.9', '4.24.15')).toBeLessThan(0);
    expect(compareVersions('19.3.1', '19.3.1')).toBe(0);
  });

  it('puts a prerelease before its release and after the one before', () => {
    expect(compareVersions('10.0.0-beta.1', '10.0.0')).toBeLessThan(0);
    expect(compareVersions('10.0.0-beta.1', '9.9.9')).toBeGreaterThan(0);
    expect(compareVersions('10.0.0-beta.10', '10.0.0-beta.2')).toBeGreaterThan(0);
    expect(compareVersions('7.10.0-4.0edf323', '7.10.0')).toBeLessThan(0);
  });

  it('refuses what is not a version, rather than passing it', () => {
    expect(() => compareVersions('latest', '1.0.0')).toThrow('Not a version');
    expect(() => compareVersions('1.0', '1.0.0')).toThrow('Not a version');
  });
});
