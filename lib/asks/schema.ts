// Zod schemas for what users send about asks. For now: the public list's query string.
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9-]{1,60}$/);

/** The /asks query string. Anything unexpected falls back to a default rather than an error page. */
export const askListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  category: slug.optional().catch(undefined),
});

export type AskListQuery = z.infer<typeof askListQuerySchema>;

/** Next gives repeated parameters as arrays; the list uses the first of each. */
export function parseAskListQuery(searchParams: Record<string, string | string[] | undefined>): AskListQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return askListQuerySchema.parse({
    page: first(searchParams.page) ?? 1,
    category: first(searchParams.category) || undefined,
  });
}
