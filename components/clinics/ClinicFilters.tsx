// The filters above the list of clinics: a plain GET form (every choice lands in the URL, works without
// JavaScript). Submitting starts at the first page.
import Link from 'next/link';
import { CLINICS_PATH, type ClinicsQuery } from '@/lib/clinics/listing-query';

const controlClass = 'block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-slate-900';

export function ClinicFilters({
  query,
  skills,
  filtered,
}: {
  query: ClinicsQuery;
  skills: Array<{ slug: string; name: string }>;
  filtered: boolean;
}) {
  // A skill named in the address but on no upcoming clinic stays selectable, so the form says what is shown.
  const options =
    query.skill && !skills.some((s) => s.slug === query.skill) ? [...skills, { slug: query.skill, name: query.skill }] : skills;
  return (
    <form method="get" action={CLINICS_PATH} aria-label="Filter clinics" className="mt-6 space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:max-w-2xl">
        <div className="min-w-0 space-y-1">
          <label htmlFor="clinic-skill" className="block font-medium text-slate-900">
            Skill
          </label>
          <select key={query.skill ?? ''} id="clinic-skill" name="skill" defaultValue={query.skill ?? ''} className={controlClass}>
            <option value="">Any skill</option>
            {options.map((skill) => (
              <option key={skill.slug} value={skill.slug}>
                {skill.name}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0 space-y-1">
          <label htmlFor="clinic-from" className="block font-medium text-slate-900">
            On or after
          </label>
          <input key={query.from ?? ''} id="clinic-from" name="from" type="date" defaultValue={query.from ?? ''} className={controlClass} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Show clinics
        </button>
        {filtered ? <Link href={CLINICS_PATH}>Clear all filters</Link> : null}
      </div>
    </form>
  );
}
