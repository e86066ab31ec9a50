// The SQL piece the health page's statements share (lib/health/queries.ts, lib/health/skills-gap.ts).
import { Prisma } from '@/lib/generated/prisma/client';
import type { WeekWindow } from './figures';

/** `column` within the twelve weeks: from the first Monday, up to but not including the current week. */
export const inWindow = (column: Prisma.Sql, window: WeekWindow) =>
  Prisma.sql`${column} >= ${window.from}::timestamptz AND ${column} < ${window.to}::timestamptz`;
