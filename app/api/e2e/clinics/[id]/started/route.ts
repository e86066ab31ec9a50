// Test-only (E2E_TEST_HOOKS=on): POST makes a published clinic one that started 45 minutes ago.
import { notFound } from 'next/navigation';
import { env } from '@/lib/env';
import { moveClinicIntoPast } from '@/lib/testing/time-travel';

export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (env.E2E_TEST_HOOKS !== 'on') notFound();
  const moved = await moveClinicIntoPast((await params).id);
  return Response.json({ moved }, { status: moved ? 200 : 404 });
}
