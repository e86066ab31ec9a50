// The short sentences beside a score: why this volunteer for this ask, or this ask for this volunteer. At most four,
// most telling first, in words a charity worker would use.
import { hasRatings } from './score';
import type { SkillBook, SkillMatch } from './skills';
import { compareIds } from './skills';
import type { SkillLevel } from './types';

export const MAX_REASONS = 4;
/** Skill reasons kept, so time and track record still fit in four. */
const MAX_SKILL_REASONS = 2;

const LEVEL_PHRASE: Record<SkillLevel, (name: string) => string> = {
  EXPERT: (name) => `Expert in ${name}`,
  EXPERIENCED: (name) => `Experienced in ${name}`,
  WORKING: (name) => `Working knowledge of ${name}`,
};

export function skillReason(match: SkillMatch, book: SkillBook): string {
  const name = book.names.get(match.skillId);
  if (!match.exact) return name ? `Related: ${name}` : 'Related skill in the same area';
  const phrase = LEVEL_PHRASE[match.level] ?? LEVEL_PHRASE.WORKING;
  return phrase(name ?? 'a skill asked for');
}

/** The skill reasons worth saying, biggest contribution (rarity × fit) first; each sentence once. */
export function skillReasons(matches: readonly (SkillMatch | null)[], weights: readonly number[], book: SkillBook): string[] {
  const scored: { text: string; value: number }[] = [];
  // A skill the volunteer holds for one of the ask's skills is not also "related" to another of them.
  const exact = new Set(matches.flatMap((match) => (match?.exact ? [match.skillId] : [])));
  matches.forEach((match, index) => {
    if (!match || (!match.exact && exact.has(match.skillId))) return;
    scored.push({ text: skillReason(match, book), value: match.fit * (weights[index] ?? 1) });
  });
  scored.sort((a, b) => b.value - a.value || compareIds(a.text, b.text));
  const reasons: string[] = [];
  for (const { text } of scored) {
    if (reasons.length === MAX_SKILL_REASONS) break;
    if (!reasons.includes(text)) reasons.push(text);
  }
  return reasons;
}

export function capacityReason(spare: number, sessionsThisMonth: number): string {
  if (!(sessionsThisMonth > 0)) return 'Has time this month';
  const free = Math.floor(spare);
  if (free < 1) return 'Has a little time this month';
  return free === 1 ? '1 session free this month' : `${free} sessions free this month`;
}

export function ratingReason(averageRating: number | null, ratingCount: number): string {
  if (!hasRatings(averageRating, ratingCount)) return 'New to HalfHour';
  const count = Math.floor(ratingCount);
  const average = Math.min(5, Math.max(1, averageRating)).toFixed(1);
  return `Rated ${average} from ${count} ${count === 1 ? 'session' : 'sessions'}`;
}

const DAY = 24 * 60 * 60 * 1000;

export function waitingReason(publishedAt: Date, now: Date): string | null {
  const days = Math.floor((now.getTime() - publishedAt.getTime()) / DAY);
  if (!(days >= 3)) return null;
  return `Waiting ${days} days`;
}

export function deadlineReason(deadline: Date, now: Date): string | null {
  const days = Math.ceil((deadline.getTime() - now.getTime()) / DAY);
  if (!(days >= 0) || days > 7) return null;
  return days === 0 ? 'Needed today' : days === 1 ? 'Needed by tomorrow' : `Needed within ${days} days`;
}

export function offersReason(offerCount: number): string | null {
  return offerCount === 0 ? 'No offers yet' : null;
}
