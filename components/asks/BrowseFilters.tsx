// The search and filters above the open asks: a plain GET form, so every choice lands in the URL (shareable,
// bookmarkable, the back button works) and it works without JavaScript. Submitting starts at the first page.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { BROWSE_PATH, type BrowseQuery, DURATIONS, MAX_QUERY_LENGTH, POSTED_WITHIN_DAYS } from '@/lib/asks/browse-query';
import type { BrowseTaxonomy } from '@/lib/asks/browse';
import { formatDuration } from '@/lib/dates';
import { causeAreaOptions, mediumOptions, regionOptions } from '@/lib/options';

const controlClass = 'block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-slate-900';

interface Option {
  value: string;
  label: string;
}

function Select({
  name,
  label,
  value,
  any,
  options,
  groups,
}: {
  name: string;
  label: string;
  value?: string;
  /** The first option, meaning "no filter". */
  any?: string;
  options?: Option[];
  groups?: Array<{ label: string; options: Option[] }>;
}) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {/* Keyed on its value: a select only reads defaultValue when it mounts. */}
      <select key={value ?? ''} id={name} name={name} defaultValue={value ?? ''} className={controlClass}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {groups?.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="min-w-0 rounded-md border border-slate-300 p-4">
      <legend className="px-1 font-semibold text-slate-900">{legend}</legend>
      {children}
    </fieldset>
  );
}

export function BrowseFilters({
  query,
  taxonomy,
  offerBestFit,
  filtered,
}: {
  query: BrowseQuery;
  taxonomy: BrowseTaxonomy;
  /** Only a volunteer can sort by best fit for them. */
  offerBestFit: boolean;
  /** Whether anything narrows the list now, so there is something to clear. */
  filtered: boolean;
}) {
  const postedOptions = POSTED_WITHIN_DAYS.map((days) => ({
    value: String(days),
    label: days === 1 ? 'In the last day' : `In the last ${days} days`,
  }));
  const sortOptions = [
    { value: 'newest', label: 'Newest first' },
    { value: 'deadline', label: 'Deadline soonest' },
    ...(offerBestFit ? [{ value: 'best-fit', label: 'Best fit for me' }] : []),
  ];
  return (
    <form method="get" action={BROWSE_PATH} role="search" aria-label="Search and filter asks" className="mt-6 space-y-4">
      <div className="space-y-1">
        <label htmlFor="q" className="block font-medium text-slate-900">
          Search asks
        </label>
        <p id="q-hint" className="text-sm text-slate-700">
          Words from the title, the question or the organisation’s name, such as “budget” or “newsletter”.
        </p>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={query.q ?? ''}
          maxLength={MAX_QUERY_LENGTH}
          aria-describedby="q-hint"
          className={controlClass}
        />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Group legend="Skills">
          <div className="grid gap-3 sm:grid-cols-2">
            <Select
              name="category"
              label="Skill area"
              value={query.category}
              any="All skill areas"
              options={taxonomy.map((category) => ({ value: category.slug, label: category.name }))}
            />
            <Select
              name="skill"
              label="Skill"
              value={query.skill}
              any="Any skill"
              groups={taxonomy.map((category) => ({
                label: category.name,
                options: category.skills.map((skill) => ({ value: skill.slug, label: skill.name })),
              }))}
            />
          </div>
        </Group>

        <Group legend="The charity">
          <div className="grid gap-3 sm:grid-cols-2">
            <Select name="cause" label="Cause area" value={query.cause} any="Any cause" options={causeAreaOptions} />
            <Select name="region" label="Region" value={query.region} any="Anywhere" options={regionOptions} />
          </div>
        </Group>

        <Group legend="The session">
          <div className="grid gap-3 sm:grid-cols-2">
            <Select
              name="duration"
              label="Length"
              value={query.duration ? String(query.duration) : undefined}
              any="Any length"
              options={DURATIONS.map((minutes) => ({ value: String(minutes), label: formatDuration(minutes) }))}
            />
            <Select
              name="posted"
              label="Posted"
              value={query.postedWithin ? String(query.postedWithin) : undefined}
              any="Any time"
              options={postedOptions}
            />
          </div>
          <fieldset className="mt-3">
            <legend className="text-sm font-medium text-slate-900">How you can meet</legend>
            <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
              {mediumOptions.map((option) => (
                <div key={option.value} className="flex items-center gap-2">
                  <input
                    id={`medium-${option.value}`}
                    type="checkbox"
                    name="medium"
                    value={option.value}
                    defaultChecked={query.media.includes(option.value)}
                    className="h-4 w-4 accent-brand-700"
                  />
                  <label htmlFor={`medium-${option.value}`}>{option.label}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </Group>

        <Group legend="Order">
          <Select name="sort" label="Sort by" value={query.sort} options={sortOptions} />
        </Group>
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Show asks
        </button>
        {filtered ? <Link href={BROWSE_PATH}>Clear all filters</Link> : null}
      </div>
    </form>
  );
}
