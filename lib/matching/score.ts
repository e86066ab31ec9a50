// The parts of a match score, each in [0, 1], and how they blend. Pure arithmetic shared by both rankings, kept
// in one place so the rules (exact beats related, smoothed ratings, spare capacity) are read in one sitting.
import type { Medium } from './types';

/** An exact skill at each level. Every exact fit (>= 0.6) is above every related one (<= 0.35). */
export const LEVEL_WEIGHT: Readonly<Record<string, number>> = { WORKING: 0.6, EXPERIENCED: 0.8, EXPERT: 1 };
/** A skill in the same category as the one asked for counts at this share of its level. */
export const RELATED_DISCOUNT = 0.35;
/** A fit at or above this is an exact skill, below it a related one. */
export const EXACT_FIT = 0.5;

export const VOLUNTEER_WEIGHTS = { skills: 0.6, capacity: 0.2, rating: 0.15, media: 0.05 } as const;
export const ASK_WEIGHTS = { skills: 0.7, attention: 0.2, media: 0.1 } as const;

/** Ratings are pulled towards this mean as if every volunteer started with this many reviews of it. */
export const RATING_PRIOR_MEAN = 3.5;
export const RATING_PRIOR_WEIGHT = 5;

/** 0 for a level we do not know, so a bad row adds nothing rather than throwing. */
export function levelWeight(level: string): number {
  return level === 'EXPERT' ? 1 : level === 'EXPERIENCED' ? 0.8 : level === 'WORKING' ? 0.6 : 0;
}

/**
 * How much covering a skill counts: inverse document frequency over the pool of candidates. `otherHolders`
 * leaves the volunteer being scored out, so gaining a skill never changes that volunteer's own weights (and so
 * can only raise their score). Always > 0: at worst log 2.
 */
export function rarity(poolSize: number, otherHolders: number): number {
  return Math.log(1 + poolSize / (1 + Math.max(0, otherHolders)));
}

/** Sessions left this month, or -1 when the volunteer cannot be offered anyone (full, or a record we cannot read). */
export function spareSessions(monthlyCapacity: number, sessionsThisMonth: number): number {
  if (!(monthlyCapacity > 0) || !Number.isFinite(monthlyCapacity) || !(sessionsThisMonth < monthlyCapacity)) return -1;
  return monthlyCapacity - Math.max(0, sessionsThisMonth);
}

/**
 * Fairness: the share of the month still free, with a little for the number of free sessions. Rises with capacity
 * and falls with sessions, so the same few volunteers are not sent every ask.
 */
export function capacityFit(monthlyCapacity: number, spare: number): number {
  return 0.75 * (spare / monthlyCapacity) + 0.25 * (Math.min(spare, 4) / 4);
}

/** The Bayesian average on the 1..5 scale: one 5-star review is weak evidence, forty at 4.8 strong. */
export function smoothedRating(averageRating: number | null, ratingCount: number): number {
  if (averageRating === null || !Number.isFinite(averageRating) || !(ratingCount > 0) || !Number.isFinite(ratingCount)) {
    return RATING_PRIOR_MEAN;
  }
  const average = Math.min(5, Math.max(1, averageRating));
  return (RATING_PRIOR_WEIGHT * RATING_PRIOR_MEAN + average * ratingCount) / (RATING_PRIOR_WEIGHT + ratingCount);
}

export function ratingFit(averageRating: number | null, ratingCount: number): number {
  return (smoothedRating(averageRating, ratingCount) - 1) / 4;
}

export function hasRatings(averageRating: number | null, ratingCount: number): averageRating is number {
  return averageRating !== null && Number.isFinite(averageRating) && ratingCount > 0 && Number.isFinite(ratingCount);
}

const MEDIUM_BIT: Readonly<Record<Medium, number>> = { VIDEO: 1, PHONE: 2, EMAIL: 4, IN_PERSON: 8 };

/** Media as bits, so "shares a medium" is one `&` in the hot loop. Unknown media count for nothing. */
export function mediaMask(media: readonly Medium[] | null | undefined): number {
  let mask = 0;
  if (!media) return 0;
  for (let i = 0; i < media.length; i++) {
    const medium = media[i];
    if (medium === 'VIDEO' || medium === 'PHONE' || medium === 'EMAIL' || medium === 'IN_PERSON') mask |= MEDIUM_BIT[medium];
  }
  return mask;
}

export function bitCount(mask: number): number {
  let count = 0;
  for (let bits = mask; bits !== 0; bits &= bits - 1) count++;
  return count;
}

/** Never let float rounding push a blend past the ends of [0, 1]. */
export function clampUnit(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

/** 20 unless given; a fraction rounds down; nonsense means none. */
export function normaliseLimit(limit: number | undefined): number {
  if (limit === undefined) return 20;
  if (Number.isNaN(limit) || limit <= 0) return 0;
  return Math.floor(limit);
}
