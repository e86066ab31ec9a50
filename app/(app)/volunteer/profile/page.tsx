import type { Metadata } from 'next';
import { PauseControls } from '@/components/volunteers/PauseControls';
import { VolunteerProfileForm } from '@/components/volunteers/VolunteerProfileForm';
import { FormAlert } from '@/components/ui/fields';
import { requireUser } from '@/lib/auth/guards';
import { listSkillsByCategory } from '@/lib/skills/queries';
import { getMyVolunteerProfile } from '@/lib/volunteers/queries';

export const metadata: Metadata = { title: 'Your volunteer profile' };

export default async function VolunteerProfilePage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await requireUser('/volunteer/profile');
  const [profile, taxonomy, query] = await Promise.all([getMyVolunteerProfile(user), listSkillsByCategory(), searchParams]);
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <div className="space-y-3">
        <FormAlert success={query.notice === 'resumed' ? 'Welcome back: you are volunteering again.' : undefined} />
        <h1 className="text-3xl font-bold tracking-tight">{profile ? 'Your volunteer profile' : 'Become a volunteer'}</h1>
        <p className="text-slate-800">
          {profile
            ? 'Keep this up to date so charities with the right questions find you.'
            : 'Tell charities what you are good at. Sessions are short (15 to 60 minutes) and you choose which asks to offer on.'}
        </p>
      </div>
      <VolunteerProfileForm profile={profile} taxonomy={taxonomy} defaultTimeZone={user.timeZone} />
      {profile ? (
        <section aria-labelledby="pause" className="space-y-3 border-t border-slate-200 pt-6">
          <h2 id="pause" className="text-xl font-semibold">
            Taking a break
          </h2>
          <PauseControls pausedAt={profile.pausedAt} pausedUntil={profile.pausedUntil} pausedReason={profile.pausedReason} />
        </section>
      ) : null}
    </div>
  );
}
