// "Asks that fit you": the reverse ranking, open asks for one volunteer, best first, with reasons. Same skill rules as
// rankVolunteers; fairness here means asks nobody has answered yet, and those waiting longest, come up first.
import { capacityReason, deadlineReason, MAX_REASONS, offersReason, skillReasons, waitingReason } from './reasons';
import { ASK_WEIGHTS, bitCount, clampUnit, levelWeight, mediaMask, normaliseLimit, rarity, RELATED_DISCOUNT, spareSessions } from './score';
import { bestMatches, buildSkillBook, compareIds, indexAskSkills, uniqueSkillIds } from './skills';
import { selectTop } from './top';
import type { AskToRank, RankAsksOptions, RankedAsk, TaxonomySkill, VolunteerForMatching } from './types';

const DAY = 24 * 60 * 60 * 1000;
/** An ask waiting this long gets the whole waiting share; older ones are not pushed further. */
const WAITING_FULL_DAYS = 14;

function validDate(value: Date | null | undefined): Date | null {
  return value instanceof Date && Number.isFinite(value.getTime()) ? value : null;
}

/**
 * Left out: everything when the volunteer is paused or at capacity; asks sharing no medium with the volunteer,
 * asks with no skill of theirs (exact or in the same category), and asks past their deadline (when `now` is
 * given). The score blends skill fit (as in rankVolunteers; rarity only when `skillHolders` and `poolSize` are
 * given), attention (fewer offers, longer waiting) and the share of the ask's media the volunteer offers.
 */
export function rankAsksForVolunteer(
  volunteer: VolunteerForMatching,
  asks: AskToRank[],
  taxonomy: TaxonomySkill[],
  options: RankAsksOptions = {},
): RankedAsk[] {
  const limit = normaliseLimit(options.limit);
  if (limit === 0 || !volunteer || volunteer.paused || !asks || asks.length === 0) return [];
  const spare = spareSessions(volunteer.monthlyCapacity, volunteer.sessionsThisMonth);
  const volunteerMedia = mediaMask(volunteer.media);
  if (spare <= 0 || volunteerMedia === 0) return [];
  const book = buildSkillBook(taxonomy, options.skillNames);
  const now = validDate(options.now);
  const poolSize = options.poolSize !== undefined && options.poolSize > 0 ? options.poolSize : 0;
  const holders = poolSize > 0 ? options.skillHolders : undefined;
  const weightOf = (skillId: string): number => {
    if (!holders || !Object.hasOwn(holders, skillId)) return 1;
    const count = holders[skillId]!;
    return Number.isFinite(count) ? rarity(poolSize, count) : 1;
  };

  // The volunteer's best level per skill and per category, looked up once per ask skill.
  const exactBest = new Map<string, number>();
  const categoryBest = new Map<string, number>();
  for (const skill of volunteer.skills ?? []) {
    const weight = skill ? levelWeight(skill.level) : 0;
    if (weight === 0) continue;
    exactBest.set(skill.skillId, Math.max(weight, exactBest.get(skill.skillId) ?? 0));
    const category = book.categoryOf.get(skill.skillId);
    if (category !== undefined) categoryBest.set(category, Math.max(weight, categoryBest.get(category) ?? 0));
  }

  const candidates: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < asks.length; i++) {
    const ask = asks[i];
    if (!ask) continue;
    const askMedia = mediaMask(ask.media);
    const shared = askMedia & volunteerMedia;
    if (shared === 0) continue;
    const deadline = validDate(ask.deadline);
    if (now && deadline && deadline.getTime() < now.getTime()) continue;
    let covered = 0;
    let total = 0;
    for (const skillId of uniqueSkillIds(ask.skillIds)) {
      const category = book.categoryOf.get(skillId);
      const related = category === undefined ? 0 : (categoryBest.get(category) ?? 0) * RELATED_DISCOUNT;
      const fit = Math.max(exactBest.get(skillId) ?? 0, related);
      const weight = weightOf(skillId);
      covered += weight * fit;
      total += weight;
    }
    if (covered === 0) continue;
    candidates.push(i);
    scores.push(
      clampUnit(
        ASK_WEIGHTS.skills * (covered / total) +
          ASK_WEIGHTS.attention * attention(ask, now) +
          ASK_WEIGHTS.media * (bitCount(shared) / bitCount(askMedia)),
      ),
    );
  }

  const reasonsOf = (c: number): string[] => {
    const ask = asks[candidates[c]!]!;
    const index = indexAskSkills(ask.skillIds, book);
    const matches = bestMatches(volunteer.skills, index);
    const reasons = skillReasons(
      matches,
      index.skillIds.map((skillId) => weightOf(skillId)),
      book,
    );
    const offers = Number.isFinite(ask.offerCount) ? offersReason(ask.offerCount!) : null;
    const published = validDate(ask.publishedAt);
    const deadline = validDate(ask.deadline);
    for (const reason of [
      offers,
      now && published ? waitingReason(published, now) : null,
      now && deadline ? deadlineReason(deadline, now) : null,
    ]) {
      if (reason) reasons.push(reason);
    }
    if (reasons.length < MAX_REASONS && spare <= 1) reasons.push(capacityReason(spare, volunteer.sessionsThisMonth));
    return reasons.slice(0, MAX_REASONS);
  };
  const reasonKeys = new Map<number, string>();
  const reasonKey = (c: number): string => {
    let key = reasonKeys.get(c);
    if (key === undefined) reasonKeys.set(c, (key = reasonsOf(c).join('\n')));
    return key;
  };
  const idOf = (c: number): string => String(asks[candidates[c]!]!.id);
  const compare = (a: number, b: number): number =>
    scores[b]! - scores[a]! || compareIds(idOf(a), idOf(b)) || compareIds(reasonKey(a), reasonKey(b));

  return selectTop(candidates.length, limit, idOf, compare).map((c) => ({ askId: idOf(c), score: scores[c]!, reasons: reasonsOf(c) }));
}

/** In [0, 1]: an ask with no offers that has waited two weeks is the one most worth a volunteer's look. */
function attention(ask: AskToRank, now: Date | null): number {
  let sum = 0;
  let signals = 0;
  if (ask.offerCount !== undefined && Number.isFinite(ask.offerCount) && ask.offerCount >= 0) {
    sum += 1 / (1 + ask.offerCount);
    signals++;
  }
  const published = validDate(ask.publishedAt);
  if (now && published) {
    const days = (now.getTime() - published.getTime()) / DAY;
    sum += Math.min(Math.max(days, 0), WAITING_FULL_DAYS) / WAITING_FULL_DAYS;
    signals++;
  }
  return signals === 0 ? 0.5 : sum / signals;
}
