// A health table under its chart: the same rows the CSV download has. On a narrow screen it scrolls sideways
// inside a region that keyboard users can focus and scroll too.
import { formatCell, type HealthTableData } from '@/lib/health/tables';

export function DataTable({ table }: { table: HealthTableData }) {
  const [first, ...rest] = table.columns;
  return (
    <div role="region" aria-label={`${table.title}: the data`} tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{table.title}</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            {table.columns.map((column) => (
              <th key={column.key} scope="col" className={`px-3 py-2 font-semibold ${column.format === 'text' ? '' : 'text-right'}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={String(row[first!.key] ?? index)} className="border-t border-slate-200">
              <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                {formatCell(row[first!.key] ?? null, first!.format)}
              </th>
              {rest.map((column) => (
                <td key={column.key} className={`px-3 py-2 ${column.format === 'text' ? '' : 'text-right tabular-nums'}`}>
                  {formatCell(row[column.key] ?? null, column.format)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
