// How /asks searches and filters (lib/asks/browse.ts runs the page): the typed text becomes a tsquery with the
// close spellings of misspelt words, the skill and area slugs become ids, and the filters become conditions on the
// ask's own columns, each written so PostgreSQL picks the index that fits (docs/decisions/0007-browse-and-search.md).
import 'server-only';
import { DAY_MS } from '@/lib/dates';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { BrowseFilters } from './browse-query';
import { searchWords, tsQueryText, wantsTypoLookup } from './search-terms';

/** How alike (pg_trgm similarity, 0-1) a listed word must be to a typed one to be searched for too. */
export const TYPO_SIMILARITY = 0.45;
/** Close spellings searched for per typed word. */
export const TYPO_ALTERNATIVES = 2;

// ------------------------------------------------------------------------------------------ the text

export interface SearchPlan {
  /** The to_tsquery text, or undefined when there is nothing to search for. */
  tsquery: string | undefined;
  alsoSearchedFor: string[];
}

/**
 * Turns the typed text into a tsquery: each word ORed with up to two close spellings from "SearchWord"
 * (trigram similarity, GIN index), the words ANDed. A word that is itself in the word list is taken as
 * spelt right. The words go to PostgreSQL only as parameters.
 */
export async function planSearch(text: string | undefined): Promise<SearchPlan> {
  const words = searchWords(text ?? '');
  if (words.length === 0) return { tsquery: undefined, alsoSearchedFor: [] };
  const lookup = typoLookupSql(text);
  const rows = lookup ? await db.$queryRaw<Array<{ typed: string; word: string }>>(lookup) : [];
  const groups = words.map((word) => [word, ...rows.filter((row) => row.typed === word).map((row) => row.word)]);
  return {
    tsquery: tsQueryText(groups) || undefined,
    alsoSearchedFor: [...new Set(rows.map((row) => row.word))],
  };
}

/** The look-up of close spellings for the typed words that may be misspelt, or undefined if none may be. */
export function typoLookupSql(text: string | undefined): Prisma.Sql | undefined {
  const lookup = searchWords(text ?? '').filter(wantsTypoLookup);
  if (lookup.length === 0) return undefined;
  return Prisma.sql`
    SELECT t.word AS typed, s.word
      FROM unnest(${lookup}::text[]) AS t(word)
      CROSS JOIN LATERAL (
        SELECT w.word FROM "SearchWord" w
         WHERE w.word % t.word AND similarity(w.word, t.word) >= ${TYPO_SIMILARITY}
         ORDER BY similarity(w.word, t.word) DESC, w.word
         LIMIT ${TYPO_ALTERNATIVES}
      ) AS s
     WHERE NOT EXISTS (SELECT 1 FROM "SearchWord" known WHERE known.word = t.word)`;
}

// ------------------------------------------------------------------------------------------ the filters

/**
 * The ids behind the skill and skill-area slugs of a query: `null` for a slug that names nothing (the
 * filter then matches nothing), absent when the query has no such filter.
 */
export interface TaxonomyIds {
  skillId?: string | null;
  categoryId?: string | null;
}

/**
 * Looks the skill and skill-area slugs up, so the list and count compare the ask's id arrays with
 * constants: PostgreSQL then estimates each filter from the column's statistics and picks the plan
 * that fits (walk the date index for a common skill, AND the bitmaps for a rare one).
 */
export async function resolveTaxonomyIds(filters: BrowseFilters): Promise<TaxonomyIds> {
  if (!filters.skill && !filters.category) return {};
  const [row] = await db.$queryRaw<Array<{ skillId: string | null; categoryId: string | null }>>`
    SELECT (SELECT id FROM "Skill" WHERE slug = ${filters.skill ?? null}::text) AS "skillId",
           (SELECT id FROM "SkillCategory" WHERE slug = ${filters.category ?? null}::text) AS "categoryId"`;
  return {
    ...(filters.skill ? { skillId: row?.skillId ?? null } : {}),
    ...(filters.category ? { categoryId: row?.categoryId ?? null } : {}),
  };
}

/** An id array column holds the id; an id that names nothing matches nothing. */
function holdsSql(column: 'skillIds' | 'skillCategoryIds', id: string | null): Prisma.Sql {
  return id === null ? Prisma.sql`FALSE` : Prisma.sql`a.${Prisma.raw(`"${column}"`)} @> ARRAY[${id}]::text[]`;
}

/**
 * The conditions for the filters; `tsquery` is the to_tsquery text for the search, if any. Every filter is
 * a column of the ask itself, kept by triggers (docs/decisions/0007): the array filters share one GIN
 * index, the region leads two btree indexes, so PostgreSQL combines any of them without a join. Enum
 * parameters are cast one by one: the embedded engine's adapter cannot send enum arrays.
 */
export function filterSql(
  filters: BrowseFilters,
  tsquery: string | undefined,
  now: Date,
  ids: TaxonomyIds = {},
  options: { plan?: 'walk' | 'gather' } = {},
): Prisma.Sql[] {
  // To walk, the GIN-indexed conditions are checked on each row walked and never read through their index:
  // wrapped in coalesce, PostgreSQL can neither match them to an index nor estimate them from statistics (it
  // takes half the rows), so the walk down the order's index is the cheapest plan it sees (./list-plan.ts).
  // To gather, the region and the length are hidden the same way unless both are asked for: alone, each holds
  // a tenth of the asks or more, and PostgreSQL, taking a rare word for 0.5% of the table, would AND a bitmap of
  // a quarter of a million asks with the word's few hundred. Together they have an index of their own that
  // carries every other filter but the words (Ask_listed_region_length_idx): with no words, the gather reads
  // it index-only and the GIN-indexed filters are hidden, checked on its entries instead of intersected
  // through the GIN index's long lists (a skill and a medium: 30,000 and 330,000 entries at a million asks).
  const narrowPair = Boolean(filters.region && filters.duration);
  const pairAlone = narrowPair && !tsquery;
  return conditionsFor(filters, tsquery, now, ids).map((condition) => {
    const hide =
      options.plan === 'walk'
        ? condition.gin
        : options.plan === 'gather' && (condition.pairable ? !narrowPair : condition.gin && pairAlone);
    return hide ? Prisma.sql`coalesce((${condition.sql}), false)` : condition.sql;
  });
}

/**
 * The filters' conditions that a GIN index can answer on its own (the words, the skill, skill area, cause area
 * and media), ANDed; undefined when there are none. ./list-plan.ts counts their matches through that index to
 * choose how the page reads the list.
 */
export function gatheringSql(
  filters: BrowseFilters,
  tsquery: string | undefined,
  now: Date,
  ids: TaxonomyIds = {},
): Prisma.Sql | undefined {
  const gathering = conditionsFor(filters, tsquery, now, ids).filter((condition) => condition.gin);
  return gathering.length > 0
    ? Prisma.join(
        gathering.map((condition) => condition.sql),
        ' AND ',
      )
    : undefined;
}

function conditionsFor(
  filters: BrowseFilters,
  tsquery: string | undefined,
  now: Date,
  ids: TaxonomyIds,
): Array<{ sql: Prisma.Sql; gin: boolean; pairable?: boolean }> {
  const conditions: Array<{ sql: Prisma.Sql; gin: boolean; pairable?: boolean }> = [];
  const gin = (sql: Prisma.Sql) => conditions.push({ sql, gin: true });
  const btree = (sql: Prisma.Sql, pairable = false) => conditions.push({ sql, gin: false, pairable });
  if (tsquery) {
    // A query of stop words only ("the") has no lexemes: numnode() folds to 0 and the search is dropped
    // rather than matching nothing. Otherwise PostgreSQL folds this to `searchVector @@ 'constant'`.
    gin(Prisma.sql`(numnode(to_tsquery('english', ${tsquery})) = 0
      OR a."searchVector" @@ to_tsquery('english', ${tsquery}))`);
  }
  // A slug not resolved by the caller is looked up in the statement itself (an InitPlan): the same rows,
  // but PostgreSQL cannot estimate the filter from the column's statistics.
  if (filters.skill) {
    gin(
      ids.skillId !== undefined
        ? holdsSql('skillIds', ids.skillId)
        : Prisma.sql`a."skillIds" @> ARRAY[(SELECT k.id FROM "Skill" k WHERE k.slug = ${filters.skill})]::text[]`,
    );
  }
  if (filters.category) {
    gin(
      ids.categoryId !== undefined
        ? holdsSql('skillCategoryIds', ids.categoryId)
        : Prisma.sql`a."skillCategoryIds" @> ARRAY[(SELECT c.id FROM "SkillCategory" c WHERE c.slug = ${filters.category})]::text[]`,
    );
  }
  if (filters.cause) gin(Prisma.sql`a."organisationCauseAreas" @> ARRAY[${filters.cause}::"CauseArea"]`);
  // Region and length: the pair has its own index, Ask_listed_region_length_idx (filterSql).
  if (filters.duration) btree(Prisma.sql`a."durationMinutes" = ${filters.duration}`, true);
  if (filters.media.length > 0) {
    // Each value cast on its own, so PostgreSQL plans with constants and estimates from the statistics
    // (a text[] cast to an enum array is not folded, and gets a blind 1% estimate).
    const media = Prisma.join(filters.media.map((medium) => Prisma.sql`${medium}::"Medium"`));
    gin(Prisma.sql`a.media && ARRAY[${media}]`);
  }
  if (filters.region) btree(Prisma.sql`a."organisationRegion" = ${filters.region}::"Region"`, true);
  if (filters.postedWithin) {
    btree(Prisma.sql`a."publishedAt" >= ${new Date(now.getTime() - filters.postedWithin * DAY_MS)}`);
  }
  return conditions;
}
