import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { OnboardingForm } from '@/components/account/OnboardingForm';
import { requireUser } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Welcome' };

export default async function OnboardingPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const user = await requireUser('/onboarding', { onboarded: false });
  const { next } = await searchParams;
  if (user.onboardedAt) redirect('/dashboard');
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Welcome to HalfHour</h1>
      <p className="text-slate-800">You are signed in as {user.email}. Two quick questions and you are set up.</p>
      <OnboardingForm defaultName={user.name ?? ''} next={typeof next === 'string' ? next : undefined} />
    </div>
  );
}
