// GET /admin/health/<table>.csv: one of the health page's tables as CSV, for admins only (anyone else gets the
// same 404 as for a table that does not exist). `?region=` picks the skills gap's region.
import { requireAdmin } from '@/lib/auth/guards';
import { csvFilename, toCsv } from '@/lib/health/csv';
import { parseHealthRegion, parseHealthTable } from '@/lib/health/schema';
import { getHealthTable } from '@/lib/health/tables';

export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  const admin = await requireAdmin('/admin/health');
  const table = parseHealthTable((await params).table);
  if (!table) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const region = table === 'skills' ? parseHealthRegion(new URL(request.url).searchParams.get('region')) : null;
  const now = new Date();
  const data = await getHealthTable(admin, table, region, now);
  return new Response(toCsv(data), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFilename(table, now, region)}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
