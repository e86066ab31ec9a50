import { HiddenWords } from '@/components/reports/HiddenNotice';
import { Badge } from '@/components/ui/Badge';
import type { PublicAsk } from '@/lib/asks/queries';
import { causeAreaLabels, organisationTypeLabels, regionLabels, sizeBandLabels } from '@/lib/labels';

/** Who is asking. Contact details stay hidden until an offer is accepted. */
export function OrganisationSummary({ organisation }: { organisation: PublicAsk['organisation'] }) {
  return (
    <section aria-labelledby="about-organisation" className="rounded-lg border border-slate-200 p-5">
      <h2 id="about-organisation" className="text-lg font-semibold">
        About {organisation.name}
      </h2>
      <p className="mt-2">
        <Badge tone="success">Verified organisation</Badge>
        {organisation.vouchedAt ? (
          <>
            {' '}
            <Badge tone="success">Vouched</Badge>
          </>
        ) : null}
      </p>
      {organisation.vouchedAt ? (
        <p className="mt-2 text-sm text-slate-700">
          A community group without a registration number: HalfHour checked it and vouched for it.
        </p>
      ) : null}
      {organisation.hiddenAt ? (
        <div className="mt-3">
          <HiddenWords what="Its description" />
        </div>
      ) : (
        <p className="mt-3 text-slate-800">{organisation.description}</p>
      )}
      <dl className="mt-3 space-y-2 text-sm text-slate-800">
        <div>
          <dt className="font-medium text-slate-700">Type</dt>
          <dd>{organisationTypeLabels[organisation.type]}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">Where</dt>
          <dd>{regionLabels[organisation.region]}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">Size</dt>
          <dd>{sizeBandLabels[organisation.sizeBand]}</dd>
        </div>
        {organisation.causeAreas.length > 0 ? (
          <div>
            <dt className="font-medium text-slate-700">Works on</dt>
            <dd>{organisation.causeAreas.map((area) => causeAreaLabels[area]).join(', ')}</dd>
          </div>
        ) : null}
      </dl>
      {organisation.website ? (
        <p className="mt-3 text-sm">
          <a href={organisation.website} rel="noopener noreferrer nofollow">
            Visit their website<span className="sr-only"> ({organisation.name})</span>
          </a>
        </p>
      ) : null}
    </section>
  );
}
