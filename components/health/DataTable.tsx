// A health table under its chart: the same rows the CSV download has (ScrollingTable on a narrow screen).
import { ScrollingTable } from '@/components/ui/ScrollingTable';
import { formatCell, type HealthTableData } from '@/lib/health/tables';

export function DataTable({ table }: { table: HealthTableData }) {
  const [first, ...rest] = table.columns;
  return (
    <ScrollingTable
      label={`${table.title}: the data`}
      caption={table.title}
      columns={table.columns.map((column) => ({ label: column.label, numeric: column.format !== 'text' }))}
    >
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
    </ScrollingTable>
  );
}
