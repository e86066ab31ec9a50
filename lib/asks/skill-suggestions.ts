// Suggesting taxonomy skills from the words of an ask ("cashbook", "Excel" -> Cashbook in Excel,
// Spreadsheets), so staff who do not know the taxonomy's names still tag well. Pure: no database, no I/O.
import { taxonomySkills } from '@/lib/skills/taxonomy';
import { normalise, stem, tokenise } from './coach-words';

export const MAX_SUGGESTIONS = 5;
// ---------------------------------------------------------------------------------------------------------------
// Skill suggestions: a keyword index built once, then one pass over the words of a draft.

interface KeywordEntry {
  skillIndex: number;
  keyword: string;
  stems: string[];
}

const keywordIndex = buildKeywordIndex();

function buildKeywordIndex(): Map<string, KeywordEntry[]> {
  const index = new Map<string, KeywordEntry[]>();
  taxonomySkills.forEach((skill, skillIndex) => {
    // "trustee" and "trustees" are one keyword once stemmed, so a skill is not counted twice for one word.
    const byStems = new Map<string, string[]>();
    for (const phrase of [...skill.keywords, skill.name]) {
      const stems = tokenise(normalise(phrase)).map(stem);
      if (stems.length > 0) byStems.set(stems.join(' '), stems);
    }
    for (const [keyword, stems] of byStems) {
      const entries = index.get(stems[0]!) ?? [];
      entries.push({ skillIndex, keyword, stems });
      index.set(stems[0]!, entries);
    }
  });
  return index;
}

/**
 * Taxonomy skills whose keywords or names appear in the text, best first: a skill scores one point per word of each
 * different keyword it matched, so "gift aid" outweighs a passing "claim". Ties keep taxonomy order.
 */
export function suggestSkillSlugs(text: string, exclude: string[] = [], limit = MAX_SUGGESTIONS): string[] {
  const stems = tokenise(normalise(text)).map(stem);
  const hits = new Map<number, Set<string>>();
  const weights = new Map<number, number>();
  stems.forEach((token, position) => {
    for (const entry of keywordIndex.get(token) ?? []) {
      if (!entry.stems.every((part, offset) => stems[position + offset] === part)) continue;
      const seen = hits.get(entry.skillIndex) ?? new Set<string>();
      if (seen.has(entry.keyword)) continue;
      seen.add(entry.keyword);
      hits.set(entry.skillIndex, seen);
      weights.set(entry.skillIndex, (weights.get(entry.skillIndex) ?? 0) + entry.stems.length);
    }
  });
  const excluded = new Set(exclude);
  return [...weights.entries()]
    .sort(([indexA, weightA], [indexB, weightB]) => weightB - weightA || indexA - indexB)
    .map(([skillIndex]) => taxonomySkills[skillIndex]!.slug)
    .filter((slug) => !excluded.has(slug))
    .slice(0, Math.max(0, limit));
}
