import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/guards';

// Where a magic link lands by default: new people onboard, everyone else goes to their dashboard.
export default async function WelcomePage() {
  await requireUser('/welcome');
  redirect('/dashboard');
}
