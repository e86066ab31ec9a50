// The /clinics query string: a skill, a first day and a page, all in the URL so a list can be shared and
// bookmarked and works without JavaScript. Parsing never throws: anything that makes no sense falls back to no
// filter. Pure (no I/O): proxy.ts builds the cached list's key from it (lib/cache/clinics-key.ts).
import { isRealDate } from '@/lib/offers/times';

export const CLINICS_PATH = '/clinics';
/** Clinics on one page of the list. */
export const CLINICS_PAGE_SIZE = 12;
/** A page number past this is nonsense (the list holds a few hundred clinics at most). */
const MAX_PAGE = 500;

export interface ClinicsQuery {
  /** A skill's slug. */
  skill?: string;
  /** The first day shown, YYYY-MM-DD, read in UK time: the list is one page for everyone. */
  from?: string;
  page: number;
}

export type ClinicsSearchParams = Record<string, string | string[] | undefined>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The one value of a parameter; a repeated one counts as absent rather than guessing which was meant. */
function one(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

export function parseClinicsQuery(params: ClinicsSearchParams): ClinicsQuery {
  const skill = one(params.skill)?.toLowerCase();
  const from = one(params.from);
  const page = Number(one(params.page) ?? '1');
  return {
    ...(skill && skill.length <= 80 && SLUG.test(skill) ? { skill } : {}),
    ...(from && isRealDate(from) ? { from } : {}),
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

/** The canonical address of a query: defaults left out, parameters in one order. */
export function clinicsHref(query: ClinicsQuery): string {
  const params = new URLSearchParams();
  if (query.skill) params.set('skill', query.skill);
  if (query.from) params.set('from', query.from);
  if (query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `${CLINICS_PATH}?${search}` : CLINICS_PATH;
}

export function hasClinicFilters(query: ClinicsQuery): boolean {
  return Boolean(query.skill || query.from);
}
