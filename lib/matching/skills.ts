// What each skill of an ask is worth to a volunteer: exact matches by level, related ones (same category) at a
// discount. Built once per call from the taxonomy, so the loop over volunteers does one Map lookup per skill.
import { EXACT_FIT, levelWeight, RELATED_DISCOUNT } from './score';
import type { SkillLevel, TaxonomySkill } from './types';

/** Which of the ask's skills (by index) a volunteer skill counts for. */
export interface SkillRelevance {
  exact: number;
  related: number[];
}

export interface AskSkillIndex {
  /** The ask's skills, each once, sorted, so the sums come out the same whatever order the ask lists them in. */
  skillIds: string[];
  relevance: Map<string, SkillRelevance>;
}

/** The taxonomy as lookups; duplicate ids keep their first entry. */
export interface SkillBook {
  categoryOf: Map<string, string>;
  names: Map<string, string>;
}

export function buildSkillBook(taxonomy: readonly TaxonomySkill[], skillNames?: Record<string, string>): SkillBook {
  const categoryOf = new Map<string, string>();
  const names = new Map<string, string>();
  for (const skill of taxonomy ?? []) {
    if (!skill || typeof skill.id !== 'string') continue;
    if (!categoryOf.has(skill.id) && typeof skill.categoryId === 'string') categoryOf.set(skill.id, skill.categoryId);
    if (!names.has(skill.id) && typeof skill.name === 'string' && skill.name.trim()) names.set(skill.id, skill.name.trim());
  }
  if (skillNames) {
    for (const id of Object.keys(skillNames)) {
      const name = skillNames[id];
      if (typeof name === 'string' && name.trim()) names.set(id, name.trim());
    }
  }
  return { categoryOf, names };
}

export function uniqueSkillIds(skillIds: readonly string[] | null | undefined): string[] {
  if (!skillIds) return [];
  const unique = new Set<string>();
  for (const id of skillIds) if (typeof id === 'string') unique.add(id);
  return [...unique].sort(compareIds);
}

/**
 * For each skill that counts towards the ask, which ask skills it counts for. A skill the taxonomy does not know
 * can still match exactly; it has no category, so nothing is related to it.
 */
export function indexAskSkills(skillIds: readonly string[], book: SkillBook): AskSkillIndex {
  const ids = uniqueSkillIds(skillIds);
  const relevance = new Map<string, SkillRelevance>();
  const askIndexesByCategory = new Map<string, number[]>();
  ids.forEach((id, index) => {
    relevance.set(id, { exact: index, related: [] });
    const category = book.categoryOf.get(id);
    if (category === undefined) return;
    const inCategory = askIndexesByCategory.get(category);
    if (inCategory) inCategory.push(index);
    else askIndexesByCategory.set(category, [index]);
  });
  for (const [skillId, category] of book.categoryOf) {
    const askIndexes = askIndexesByCategory.get(category);
    if (!askIndexes) continue;
    const entry = relevance.get(skillId) ?? { exact: -1, related: [] };
    entry.related = askIndexes.filter((index) => index !== entry.exact);
    if (entry.exact >= 0 || entry.related.length > 0) relevance.set(skillId, entry);
  }
  return { skillIds: ids, relevance };
}

/** The best way a volunteer covers one skill of the ask, for the reasons. */
export interface SkillMatch {
  fit: number;
  exact: boolean;
  level: SkillLevel;
  /** The volunteer's own skill: the ask's skill when exact, the related one otherwise. */
  skillId: string;
}

/**
 * Per ask skill, the volunteer's best match. Ties go to the higher level, then the smaller skill id, so the
 * reason does not depend on the order the volunteer listed their skills in.
 */
export function bestMatches(skills: readonly { skillId: string; level: SkillLevel }[], index: AskSkillIndex): (SkillMatch | null)[] {
  const best: (SkillMatch | null)[] = index.skillIds.map(() => null);
  const consider = (askIndex: number, candidate: SkillMatch) => {
    const current = best[askIndex];
    if (!current || candidate.fit > current.fit || (candidate.fit === current.fit && compareIds(candidate.skillId, current.skillId) < 0)) {
      best[askIndex] = candidate;
    }
  };
  for (const skill of skills ?? []) {
    const relevance = skill ? index.relevance.get(skill.skillId) : undefined;
    if (!skill || !relevance) continue;
    const weight = levelWeight(skill.level);
    if (weight === 0) continue;
    if (relevance.exact >= 0) consider(relevance.exact, { fit: weight, exact: true, level: skill.level, skillId: skill.skillId });
    for (const askIndex of relevance.related) {
      consider(askIndex, { fit: weight * RELATED_DISCOUNT, exact: false, level: skill.level, skillId: skill.skillId });
    }
  }
  return best;
}

export function isExactFit(fit: number): boolean {
  return fit >= EXACT_FIT;
}

/** Code-unit order, not locale order: the same on every machine, so ties break the same way everywhere. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
