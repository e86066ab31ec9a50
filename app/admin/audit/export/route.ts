// GET /admin/audit/export: every audit row the filters in the query string find, as a CSV download (admins only).
import { requireAdmin } from '@/lib/auth/guards';
import { exportAuditCsv } from '@/lib/audit/queries';
import { AUDIT_PATH } from '@/lib/audit/schema';

export async function GET(request: Request) {
  const admin = await requireAdmin(AUDIT_PATH);
  const input = Object.fromEntries(new URL(request.url).searchParams);
  return new Response(exportAuditCsv(admin, input, admin.timeZone), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="halfhour-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
