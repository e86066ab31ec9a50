import { mediumLabels } from '@/lib/labels';
import type { MeetingPageData } from '@/lib/meetings/queries';
import { MeetingSection } from './MeetingSection';

/** How to meet, and both sides' contact details: shown only to the two sides and admins (the page checks). */
export function MeetingJoinDetails({ data }: { data: MeetingPageData }) {
  return (
    <MeetingSection id="join" title="How to meet">
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">How</dt>
        <dd>{mediumLabels[data.medium]}</dd>
        {data.joinDetails && data.status !== 'CANCELLED' ? (
          <>
            <dt className="font-medium text-slate-700">{data.medium === 'IN_PERSON' ? 'Where' : 'Join details'}</dt>
            <dd className="break-words whitespace-pre-line">{data.joinDetails}</dd>
          </>
        ) : null}
        {data.offerJoinDetails && data.offerJoinDetails !== data.joinDetails && data.status !== 'CANCELLED' ? (
          <>
            <dt className="font-medium text-slate-700">{data.volunteer.name}’s phone or video link</dt>
            <dd className="break-words">{data.offerJoinDetails}</dd>
          </>
        ) : null}
      </dl>
      <h3 className="font-semibold">Contact details</h3>
      <p className="text-sm text-slate-700">Only the two sides of this session (and HalfHour’s admins) can see these.</p>
      <ul className="space-y-1">
        <li className="break-words">
          {data.volunteer.name} (volunteer): <a href={`mailto:${data.volunteer.email}`}>{data.volunteer.email}</a>
        </li>
        {data.charityContacts.map((contact) => (
          <li key={contact.email} className="break-words">
            {contact.name ?? 'A colleague'} ({data.organisation.name}): <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </li>
        ))}
      </ul>
    </MeetingSection>
  );
}
