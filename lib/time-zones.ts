// Time zones people can pick. Any IANA zone is accepted; these are the ones offered first.
export const COMMON_TIME_ZONES = [
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Athens',
  'Africa/Lagos',
  'Africa/Nairobi',
  'Africa/Johannesburg',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Hong_Kong',
  'Australia/Sydney',
  'Pacific/Auckland',
  'America/Toronto',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'UTC',
] as const;

export function isTimeZone(value: string): boolean {
  if (value === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(value);
  } catch {
    return false;
  }
}

export function timeZoneOptions(current?: string): Array<{ value: string; label: string }> {
  const zones: string[] = [...COMMON_TIME_ZONES];
  if (current && !zones.includes(current) && isTimeZone(current)) zones.unshift(current);
  return zones.map((zone) => ({ value: zone, label: zone === 'Europe/London' ? 'UK time (Europe/London)' : zone.replace(/_/g, ' ') }));
}
