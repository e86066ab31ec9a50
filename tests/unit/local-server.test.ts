import { describe, expect, it } from 'vitest';
import { assertLocalDatabaseUrl, databaseName, isLocalDatabaseUrl, withDatabaseName } from '@/lib/database/local-server';

describe('test databases are only ever made on this machine', () => {
  it('accepts local servers and sockets', () => {
    expect(isLocalDatabaseUrl('postgresql://postgres@127.0.0.1:5432/app')).toBe(true);
    expect(isLocalDatabaseUrl('postgres://me:pw@localhost/app')).toBe(true);
    expect(isLocalDatabaseUrl('postgresql://postgres@[::1]:5432/app')).toBe(true);
    expect(isLocalDatabaseUrl('postgresql:///app?host=/var/run/postgresql')).toBe(true);
  });

  it('refuses anything else', () => {
    expect(isLocalDatabaseUrl('postgresql://postgres@db.example.com:5432/app')).toBe(false);
    expect(isLocalDatabaseUrl('postgresql://postgres@10.0.0.5/app')).toBe(false);
    expect(isLocalDatabaseUrl('postgresql://postgres@localhost/app?host=db.example.com')).toBe(false);
    expect(() => assertLocalDatabaseUrl('postgresql://u@prod.example.com/app', 'tests')).toThrow(/Refusing/);
  });

  it('names and renames databases', () => {
    expect(databaseName('postgresql://postgres@127.0.0.1:5432/halfhour_ci')).toBe('halfhour_ci');
    expect(withDatabaseName('postgresql://postgres@127.0.0.1:5432/halfhour_ci?sslmode=disable', 'halfhour_e2e')).toBe(
      'postgresql://postgres@127.0.0.1:5432/halfhour_e2e?sslmode=disable',
    );
  });
});
