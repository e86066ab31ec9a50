// Marketplace health for admins: twelve weeks of asks, volunteers, speed, reach, reliability and feedback, and
// where volunteers are short (the skills gap), as server-rendered charts, each with a summary, its data as a
// table and a CSV download. Admins only (requireAdmin here, assertAdmin in lib/health). No JavaScript needed.
import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/AdminNav';
import { BarChart } from '@/components/health/BarChart';
import { ChartSection } from '@/components/health/ChartSection';
import { DataTable } from '@/components/health/DataTable';
import { Legend } from '@/components/health/Legend';
import { LineChart, type ChartSeries } from '@/components/health/LineChart';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { requireAdmin } from '@/lib/auth/guards';
import { formatDate, formatDateTime } from '@/lib/dates';
import { describeSeries, weekLabel } from '@/lib/health/figures';
import { getWeeklyHealth } from '@/lib/health/queries';
import { getSkillsGap } from '@/lib/health/skills-gap';
import { parseHealthRegion, type HealthTable } from '@/lib/health/schema';
import { gapTables, weeklyTables, type HealthTableData } from '@/lib/health/tables';
import { regionLabels } from '@/lib/labels';

export const metadata: Metadata = { title: 'Marketplace health' };

type SearchParams = Record<string, string | string[] | undefined>;

const csvHref = (table: HealthTable, region?: string | null) => `/admin/health/${table}.csv${region ? `?region=${region}` : ''}`;

/** A table's columns as chart series. */
function seriesOf(table: HealthTableData, keys: string[]): ChartSeries[] {
  return keys.map((key) => ({
    label: table.columns.find((column) => column.key === key)!.label,
    values: table.rows.map((row) => (typeof row[key] === 'number' ? (row[key] as number) : null)),
  }));
}

function summaryOf(series: ChartSeries[], labels: string[], unit?: string): string[] {
  return series.map((s) => describeSeries({ ...s, unit }, labels));
}

export default async function AdminHealthPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requireAdmin('/admin/health');
  const region = parseHealthRegion((await searchParams).region);
  const now = new Date();
  const [health, gap] = await Promise.all([getWeeklyHealth(admin, now), getSkillsGap(admin, region, now)]);
  const weekly = weeklyTables(health);
  const gaps = gapTables(gap, region);
  const labels = health.weeks.map((w) => weekLabel(w.week).replace(/^w\/c /, ''));
  const lastDay = new Date(health.window.to.getTime() - 1);

  const charts: Array<{ table: HealthTableData; keys: string[]; yLabel: string; unit?: string; yMax?: number; note?: string }> = [
    { table: weekly.flow, keys: ['posted', 'approved', 'matched', 'held'], yLabel: 'Asks or sessions' },
    { table: weekly.volunteers, keys: ['active', 'hours'], yLabel: 'Volunteers or hours' },
    {
      table: weekly.reach,
      keys: ['offerShare', 'sessionShare'],
      yLabel: 'Per cent of approved asks',
      unit: '%',
      yMax: 100,
      note: 'Asks are counted in the week an admin approved them. The latest weeks’ asks are still young, so their shares can still rise.',
    },
    {
      table: weekly.speed,
      keys: ['toOffer', 'toSession'],
      yLabel: 'Days (median)',
      unit: 'days',
      note: 'Of the asks approved each week that have had an offer (or a booked session), the middle time from approval to the first.',
    },
    {
      table: weekly.reliability,
      keys: ['cancellationRate', 'lateRate', 'noShowRate'],
      yLabel: 'Per cent of sessions due',
      unit: '%',
      note: 'Sessions are counted in the week they were due to happen. A late cancellation is one made within 24 hours of the start.',
    },
    { table: weekly.feedback, keys: ['average'], yLabel: 'Average rating (1 to 5)', yMax: 5 },
    {
      table: weekly.practice,
      keys: ['share'],
      yLabel: 'Per cent yes or partly',
      unit: '%',
      yMax: 100,
      note: 'Charities are asked two weeks after a session whether they put it into practice; counted in the week of the session.',
    },
  ];

  const gapSkills = gap.skills.filter((row) => row.gap);
  const top = gap.skills.find((row) => !row.gap) ?? gap.skills[0];
  const place = region ? regionLabels[region] : 'the whole of the UK';
  const gapSummary = [
    gapSkills.length
      ? `${gapSkills.length} ${gapSkills.length === 1 ? 'skill has' : 'skills have'} open asks and no available volunteer in ${place}: ${gapSkills.map((row) => row.name).join(', ')}.`
      : `Every skill with open asks has at least one available volunteer in ${place}.`,
    ...(top
      ? [
          `Most asked for: ${top.name}, ${top.asks} asks in twelve weeks against ${top.volunteers} available ${top.volunteers === 1 ? 'volunteer' : 'volunteers'}.`,
        ]
      : ['No asks were posted in these twelve weeks.']),
  ];

  return (
    <div className="space-y-6">
      <AdminNav current="health" />
      <h1 className="text-3xl font-bold tracking-tight">Marketplace health</h1>
      <p className="text-slate-800">
        The last twelve complete weeks, {formatDate(health.window.from, 'UTC')} to {formatDate(lastDay, 'UTC')}. Weeks run Monday to Sunday
        in UTC. Every chart has its numbers in a table under it, and each table downloads as CSV.
      </p>
      <nav aria-label="On this page">
        <ul className="flex flex-wrap gap-x-6 gap-y-1">
          {charts.map(({ table }) => (
            <li key={table.id}>
              <a href={`#${table.id}-heading`}>{table.title}</a>
            </li>
          ))}
          <li>
            <a href="#skills-heading">Skills gap</a>
          </li>
        </ul>
      </nav>

      {charts.map(({ table, keys, yLabel, unit, yMax, note }) => {
        const series = seriesOf(table, keys);
        const summary = summaryOf(series, labels, unit);
        return (
          <ChartSection
            key={table.id}
            id={table.id}
            table={table}
            summary={summary}
            csvHref={csvHref(table.id)}
            chart={
              <LineChart
                id={`${table.id}-chart`}
                title={table.title}
                summary={summary.join(' ')}
                labels={labels}
                series={series}
                xLabel="Week commencing"
                yLabel={yLabel}
                yMax={yMax}
              />
            }
            legend={<Legend labels={series.map((s) => s.label)} />}
          >
            {note ? <p className="text-slate-800">{note}</p> : null}
          </ChartSection>
        );
      })}

      <ChartSection
        id="skills"
        table={gaps.skills}
        summary={gapSummary}
        csvHref={csvHref('skills', region)}
        chart={
          <BarChart
            id="skills-chart"
            title={gaps.skills.title}
            summary={gapSummary.join(' ')}
            groups={gap.skills.map((row) => ({ label: row.name, values: [row.asks, row.volunteers], flagged: row.gap }))}
            seriesLabels={['Asks (12 weeks)', 'Available volunteers']}
            xLabel="Asks or volunteers"
            yLabel="Skill"
            flagLabel="no one"
          />
        }
        legend={<Legend kind="bar" labels={['Asks (12 weeks)', 'Available volunteers']} />}
      >
        <p className="text-slate-800">
          The fifteen skills most asked for in twelve weeks, with those that have open asks and no available volunteer (active, not paused,
          with some monthly capacity) first. By region, volunteers count where they are based; only volunteers who meet in person give a
          region.{' '}
          {gap.volunteersCountedAt
            ? `Available volunteers are counted every five minutes, last on ${formatDateTime(gap.volunteersCountedAt, admin.timeZone)}.`
            : 'Available volunteers have not been counted yet: they are counted every five minutes.'}
        </p>
        <form method="get" action="/admin/health#skills-heading" className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="region" className="block font-medium">
              Region
            </label>
            <select id="region" name="region" defaultValue={region ?? ''} className="mt-1 rounded-md border border-slate-400 px-3 py-2">
              <option value="">The whole of the UK</option>
              {Object.entries(regionLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton pendingText="Showing…">Show the skills gap</SubmitButton>
        </form>
      </ChartSection>

      <section aria-labelledby="regions-heading" className="space-y-3 border-t border-slate-200 pt-6">
        <h2 id="regions-heading" className="text-xl font-semibold">
          {gaps.regions.title}
        </h2>
        <DataTable table={gaps.regions} />
        <p>
          <a href={csvHref('regions')} download>
            Download this table as CSV<span className="sr-only">: {gaps.regions.title}</span>
          </a>
        </p>
      </section>
    </div>
  );
}
