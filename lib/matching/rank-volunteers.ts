// Ranking volunteers for an ask: who to suggest, best first, each with the reasons a person would check. Two passes
// over the pool (who can take it and how well their skills fit; then the score), no allocation per volunteer, and
// a top-k pick instead of a sort, so 100k volunteers rank in a few tens of milliseconds.
import { capacityReason, MAX_REASONS, ratingReason, skillReasons } from './reasons';
import {
  bitCount,
  capacityFit,
  clampUnit,
  EXACT_FIT,
  levelWeight,
  mediaMask,
  normaliseLimit,
  rarity,
  ratingFit,
  RELATED_DISCOUNT,
  spareSessions,
  VOLUNTEER_WEIGHTS,
} from './score';
import { bestMatches, buildSkillBook, compareIds, indexAskSkills } from './skills';
import { selectTop } from './top';
import type { AskForMatching, RankedVolunteer, RankVolunteersOptions, TaxonomySkill, VolunteerForMatching } from './types';

// Scratch space reused between calls (the function is synchronous, so no two calls share it at once).
let fitScratch = new Float64Array(0);
let poolScratch = new Int32Array(0);
let spareScratch = new Float64Array(0);
let mediaScratch = new Uint8Array(0);

function scratch(volunteers: number, askSkills: number) {
  if (fitScratch.length < volunteers * askSkills) fitScratch = new Float64Array(volunteers * askSkills);
  if (poolScratch.length < volunteers) {
    poolScratch = new Int32Array(volunteers);
    spareScratch = new Float64Array(volunteers);
    mediaScratch = new Uint8Array(volunteers);
  }
  return { fits: fitScratch, pool: poolScratch, spares: spareScratch, sharedMedia: mediaScratch };
}

/**
 * Excluded: paused, at or over capacity, sharing no medium with the ask, or with no skill of the ask either exact
 * or in its category. The score blends skill fit (rarity-weighted share of the ask's skills, exact by level,
 * related at a discount), spare capacity this month, the smoothed rating and the share of the ask's media.
 * Ties break by id, so the order of `volunteers` never changes the result. Never throws on an empty pool,
 * unknown skills or duplicate ids (each id appears once, with its best score).
 */
export function rankVolunteers(
  ask: AskForMatching,
  volunteers: VolunteerForMatching[],
  taxonomy: TaxonomySkill[],
  options: RankVolunteersOptions = {},
): RankedVolunteer[] {
  const limit = normaliseLimit(options.limit);
  const askMedia = mediaMask(ask?.media);
  if (limit === 0 || !volunteers || volunteers.length === 0 || askMedia === 0) return [];
  const book = buildSkillBook(taxonomy, options.skillNames);
  const index = indexAskSkills(ask.skillIds, book);
  const k = index.skillIds.length;
  if (k === 0) return [];
  const askMediaCount = bitCount(askMedia);

  // Pass 1: who can take the ask at all, and each one's best fit for each of the ask's skills.
  const { fits, pool, spares, sharedMedia } = scratch(volunteers.length, k);
  const holders = new Int32Array(k);
  let eligible = 0;
  for (let i = 0; i < volunteers.length; i++) {
    const volunteer = volunteers[i];
    if (!volunteer || volunteer.paused) continue;
    const spare = spareSessions(volunteer.monthlyCapacity, volunteer.sessionsThisMonth);
    if (spare <= 0) continue;
    const shared = mediaMask(volunteer.media) & askMedia;
    if (shared === 0) continue;
    const base = eligible * k;
    fits.fill(0, base, base + k);
    let matched = false;
    const skills = volunteer.skills ?? [];
    for (let s = 0; s < skills.length; s++) {
      const skill = skills[s];
      const relevance = skill ? index.relevance.get(skill.skillId) : undefined;
      if (!skill || !relevance) continue;
      const weight = levelWeight(skill.level);
      if (weight === 0) continue;
      matched = true;
      if (relevance.exact >= 0 && fits[base + relevance.exact]! < weight) fits[base + relevance.exact] = weight;
      const related = weight * RELATED_DISCOUNT;
      for (let r = 0; r < relevance.related.length; r++) {
        const at = base + relevance.related[r]!;
        if (fits[at]! < related) fits[at] = related;
      }
    }
    if (!matched) continue;
    for (let j = 0; j < k; j++) if (fits[base + j]! >= EXACT_FIT) holders[j]!++;
    spares[eligible] = spare;
    sharedMedia[eligible] = shared;
    pool[eligible++] = i;
  }
  if (eligible === 0) return [];

  // Rarity over the candidates, leaving the volunteer being scored out (see `rarity`): two weights per skill.
  const weightIfHeld = new Float64Array(k);
  const weightIfNot = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    weightIfHeld[j] = rarity(eligible, holders[j]! - 1);
    weightIfNot[j] = rarity(eligible, holders[j]!);
  }

  // Pass 2: the score of each candidate.
  const scores = new Float64Array(eligible);
  for (let e = 0; e < eligible; e++) {
    const volunteer = volunteers[pool[e]!]!;
    const base = e * k;
    let covered = 0;
    let total = 0;
    for (let j = 0; j < k; j++) {
      const fit = fits[base + j]!;
      const weight = fit >= EXACT_FIT ? weightIfHeld[j]! : weightIfNot[j]!;
      covered += weight * fit;
      total += weight;
    }
    scores[e] = clampUnit(
      VOLUNTEER_WEIGHTS.skills * (covered / total) +
        VOLUNTEER_WEIGHTS.capacity * capacityFit(volunteer.monthlyCapacity, spares[e]!) +
        VOLUNTEER_WEIGHTS.rating * ratingFit(volunteer.averageRating, volunteer.ratingCount) +
        VOLUNTEER_WEIGHTS.media * (bitCount(sharedMedia[e]!) / askMediaCount),
    );
  }

  const reasonsOf = (e: number): string[] => {
    const volunteer = volunteers[pool[e]!]!;
    const matches = bestMatches(volunteer.skills, index);
    const weights = matches.map((match, j) => (match?.exact ? weightIfHeld[j]! : weightIfNot[j]!));
    const reasons = skillReasons(matches, weights, book);
    const spare = spareSessions(volunteer.monthlyCapacity, volunteer.sessionsThisMonth);
    reasons.push(capacityReason(spare, volunteer.sessionsThisMonth), ratingReason(volunteer.averageRating, volunteer.ratingCount));
    return reasons.slice(0, MAX_REASONS);
  };
  // Only two records with the same id and score ever need their reasons to settle the order.
  const reasonKeys = new Map<number, string>();
  const reasonKey = (e: number): string => {
    let key = reasonKeys.get(e);
    if (key === undefined) reasonKeys.set(e, (key = reasonsOf(e).join('\n')));
    return key;
  };
  const idOf = (e: number): string => String(volunteers[pool[e]!]!.id);
  const compare = (a: number, b: number): number =>
    scores[b]! - scores[a]! || compareIds(idOf(a), idOf(b)) || compareIds(reasonKey(a), reasonKey(b));

  return selectTop(eligible, limit, idOf, compare).map((e) => ({ volunteerId: idOf(e), score: scores[e]!, reasons: reasonsOf(e) }));
}
