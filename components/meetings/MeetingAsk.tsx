import { PrepPack } from '@/components/asks/PrepPack';
import type { MeetingPageData } from '@/lib/meetings/queries';
import { MeetingSection } from './MeetingSection';

/** The ask the session is about: its question, the outcome hoped for and the prep pack. */
export function MeetingAsk({ ask }: { ask: MeetingPageData['ask'] }) {
  return (
    <MeetingSection id="the-ask" title="The ask">
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">Question</dt>
        <dd className="break-words whitespace-pre-line">{ask.question}</dd>
        <dt className="font-medium text-slate-700">A good outcome</dt>
        <dd className="break-words whitespace-pre-line">{ask.outcome}</dd>
        <dt className="font-medium text-slate-700">Prep pack</dt>
        <dd className="break-words whitespace-pre-line">
          <PrepPack context={ask.context} prepLink={ask.prepLink} />
        </dd>
      </dl>
    </MeetingSection>
  );
}
