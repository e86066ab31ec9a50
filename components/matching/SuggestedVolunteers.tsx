// The volunteers matching suggests for an open ask, best first: who they are, how well they fit (a bar
// and a percentage) and why, each with a form to invite them. The page binds each invite action.
import type { FormAction } from '@/lib/forms';
import type { SuggestedVolunteer } from '@/lib/matching/volunteers-for-ask';
import { FitMeter } from './FitMeter';
import { InviteForm } from './InviteForm';

export type SuggestionWithInvite = SuggestedVolunteer & { invite: FormAction };

export function SuggestedVolunteers({ suggestions }: { suggestions: SuggestionWithInvite[] }) {
  if (suggestions.length === 0) {
    return (
      <p className="text-slate-800">
        Nobody else to suggest right now: everyone with these skills who has time this month has offered or been invited. Volunteers can
        still find your ask and offer.
      </p>
    );
  }
  return (
    <ol className="space-y-4">
      {suggestions.map((volunteer) => {
        const name = volunteer.name.trim() || 'A volunteer';
        const key = `suggested-${volunteer.volunteerId}`;
        return (
          <li key={volunteer.volunteerId} className="space-y-3 rounded-lg border border-slate-200 p-4">
            <div className="space-y-1">
              <h3 id={`${key}-name`} className="text-lg font-semibold break-words">
                {name}
              </h3>
              {volunteer.headline ? <p className="break-words text-slate-700">{volunteer.headline}</p> : null}
            </div>
            <FitMeter id={key} score={volunteer.score} name={name} />
            {volunteer.reasons.length > 0 ? (
              <ul aria-label={`Why ${name}`} className="list-disc space-y-0.5 pl-6 text-slate-800">
                {volunteer.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            ) : null}
            <InviteForm action={volunteer.invite} volunteerId={volunteer.volunteerId} name={name} />
          </li>
        );
      })}
    </ol>
  );
}
