// What the health page and its CSV downloads accept from the address: a region for the skills gap, and which
// table to download. Anything else falls back to the whole country or a 404.
import { z } from 'zod';
import { Region } from '@/lib/generated/prisma/enums';

export const HEALTH_TABLES = ['flow', 'volunteers', 'reach', 'speed', 'reliability', 'feedback', 'practice', 'skills', 'regions'] as const;
export type HealthTable = (typeof HEALTH_TABLES)[number];

const regionSchema = z.enum(Object.values(Region) as [Region, ...Region[]]);

/** The region asked for in `?region=`, or null for the whole country (and for anything unknown). */
export function parseHealthRegion(value: string | string[] | undefined | null): Region | null {
  const parsed = regionSchema.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : null;
}

/** The table named in the download's address (`skills.csv` or `skills`), or null. */
export function parseHealthTable(value: string): HealthTable | null {
  const name = value.replace(/\.csv$/, '');
  return (HEALTH_TABLES as readonly string[]).includes(name) ? (name as HealthTable) : null;
}
