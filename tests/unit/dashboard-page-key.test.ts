// The cached dashboard's key and expiry (docs/decisions/0015): a key names one person at one version and
// cannot be forged or altered; a cached dashboard expires when a session ends or an invitation closes, and
// after five minutes at the latest.
import { describe, expect, it } from 'vitest';
import { DASHBOARD_MAX_AGE_MS, dashboardExpiresAt } from '@/lib/dashboard/lifetime';
import { dashboardPageKey, readDashboardPageKey } from '@/lib/dashboard/page-key';
import type { DashboardInvitation, DashboardMeeting } from '@/lib/dashboard/queries';

const SECRET = 'a'.repeat(64);

describe('dashboard page keys', () => {
  it('reads back the person and version it was made for', () => {
    const key = dashboardPageKey(SECRET, { userId: 'cmabc123', version: '42-3' });
    expect(key).toMatch(/^cmabc123\.42-3\.[A-Za-z0-9_-]{43}$/);
    expect(readDashboardPageKey(SECRET, key)).toEqual({ userId: 'cmabc123', version: '42-3' });
  });

  it('refuses a key signed with another secret, or with its person or version changed', () => {
    const key = dashboardPageKey(SECRET, { userId: 'cmabc123', version: '42-3' });
    const signature = key.split('.')[2];
    expect(readDashboardPageKey('b'.repeat(64), key)).toBeNull();
    expect(readDashboardPageKey(SECRET, `cmother99.42-3.${signature}`)).toBeNull();
    expect(readDashboardPageKey(SECRET, `cmabc123.42-4.${signature}`)).toBeNull();
    expect(readDashboardPageKey(SECRET, `${key}.extra`)).toBeNull();
    expect(readDashboardPageKey(SECRET, 'cmabc123.42-3')).toBeNull();
    expect(readDashboardPageKey(SECRET, '')).toBeNull();
  });

  it('will not make a key from an id or version a path could not carry as it is', () => {
    expect(() => dashboardPageKey(SECRET, { userId: 'a/b', version: '1-1' })).toThrow();
    expect(() => dashboardPageKey(SECRET, { userId: 'abc', version: '1' })).toThrow();
  });
});

describe('dashboard expiry', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  const meeting = (endsAt: Date) => ({ endsAt }) as DashboardMeeting;

  it('is five minutes away when nothing ends sooner', () => {
    expect(dashboardExpiresAt(now, null, null).getTime()).toBe(now.getTime() + DASHBOARD_MAX_AGE_MS);
    expect(dashboardExpiresAt(now, { upcoming: [meeting(later(90))] }, { upcoming: [], invitations: [] })).toEqual(later(5));
  });

  it('is the end of the first session to end, on either side, or the first invitation to close', () => {
    expect(dashboardExpiresAt(now, { upcoming: [meeting(later(4)), meeting(later(2))] }, null)).toEqual(later(2));
    expect(dashboardExpiresAt(now, null, { upcoming: [meeting(later(3))], invitations: [] })).toEqual(later(3));
    const invitation = { deadline: later(1) } as DashboardInvitation;
    expect(dashboardExpiresAt(now, null, { upcoming: [meeting(later(3))], invitations: [invitation] })).toEqual(later(1));
  });

  it('ignores moments already past (a session going on now ended for no one yet)', () => {
    expect(dashboardExpiresAt(now, { upcoming: [meeting(now), meeting(later(-1))] }, null)).toEqual(later(5));
  });
});
