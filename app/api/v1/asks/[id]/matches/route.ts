// GET /api/v1/asks/<id>/matches: the volunteers suggested for an ask, best first, with scores and reasons, as JSON,
// for staff of the ask's organisation signed in with their session cookie. Anyone else (signed out, another
// organisation, a suspended account, an id that does not exist) gets the same JSON 404, so nothing leaks.
import { AccessDenied } from '@/lib/auth/actor';
import { getCurrentUser } from '@/lib/auth/session';
import { suggestionsForStaff } from '@/lib/matching/queries';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 50;
const headers = { 'Cache-Control': 'private, no-store' };

function notFound(): Response {
  return Response.json({ error: 'Not found' }, { status: 404, headers });
}

/** `?limit=` from 1 to 50; absent means 20; anything else is null (a 400). */
function parseLimit(value: string | null): number | null {
  if (value === null) return DEFAULT_LIMIT;
  if (!/^\d{1,3}$/.test(value)) return null;
  const limit = Number(value);
  return limit >= 1 && limit <= MAX_LIMIT ? limit : null;
}

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) return notFound();
  const limit = parseLimit(new URL(request.url).searchParams.get('limit'));
  try {
    const matches = await suggestionsForStaff(user, id, { limit: limit ?? DEFAULT_LIMIT });
    // Refused only after the staff check, so a stranger learns nothing from a 400 either.
    if (limit === null) return Response.json({ error: `limit must be a whole number from 1 to ${MAX_LIMIT}` }, { status: 400, headers });
    return Response.json(
      {
        askId: id,
        matches: matches.map(({ volunteerId, name, headline, score, reasons }) => ({
          volunteerId,
          name,
          headline,
          score: Math.round(score * 1000) / 1000,
          reasons,
        })),
      },
      { headers },
    );
  } catch (error) {
    if (error instanceof AccessDenied) return notFound();
    throw error;
  }
}
