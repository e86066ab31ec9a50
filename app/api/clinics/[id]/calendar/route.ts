// GET /api/clinics/<id>/calendar: the signed-in volunteer's or booked charity's own .ics of the clinic
// (lib/clinics/calendar-download.ts). Anyone else gets a 404, the same as for a clinic that does not exist.
import { AccessDenied } from '@/lib/auth/actor';
import { requireUser } from '@/lib/auth/guards';
import { clinicCalendarFor } from '@/lib/clinics/calendar-download';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/clinics/${id}`);
  try {
    const { filename, content, method } = await clinicCalendarFor(user, id);
    return new Response(content, {
      headers: {
        'Content-Type': `text/calendar; charset=utf-8; method=${method}`,
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof AccessDenied) {
      return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    throw error;
  }
}
