// GET /account/data: the signed-in person's data as a JSON download.
import { exportAccountData } from '@/lib/account/queries';
import { requireUser } from '@/lib/auth/guards';

export async function GET() {
  const user = await requireUser('/account');
  const data = await exportAccountData(user);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="halfhour-data-${new Date().toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
