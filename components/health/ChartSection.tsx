// One figure of the health page: its heading, the chart, the text summary, the key, the data as a table and
// its CSV download, in that order, so every reader gets the same facts whichever of them they use.
import type { ReactNode } from 'react';
import type { HealthTableData } from '@/lib/health/tables';
import { DataTable } from './DataTable';

interface Props {
  id: string;
  table: HealthTableData;
  summary: string[];
  chart: ReactNode;
  legend?: ReactNode;
  csvHref: string;
  children?: ReactNode;
}

export function ChartSection({ id, table, summary, chart, legend, csvHref, children }: Props) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3 border-t border-slate-200 pt-6">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {table.title}
      </h2>
      {children}
      {chart}
      {legend}
      <div className="space-y-1 text-slate-800">
        {summary.map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </div>
      <DataTable table={table} />
      <p>
        <a href={csvHref} download>
          Download this table as CSV<span className="sr-only">: {table.title}</span>
        </a>
      </p>
    </section>
  );
}
