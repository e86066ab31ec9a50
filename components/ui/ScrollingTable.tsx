// A table that scrolls sideways inside its own box on a narrow screen, in a region keyboard users can focus and
// scroll too: the admin's emails and audit log, the health page's tables. The page supplies the body's rows.
import type { ReactNode } from 'react';

export interface ScrollingTableColumn {
  label: ReactNode;
  /** Numbers: right-aligned. */
  numeric?: boolean;
  /** Extra classes for the heading (a width). */
  className?: string;
}

export function ScrollingTable({
  label,
  caption,
  columns,
  wide = false,
  children,
}: {
  /** The region's name, as a screen reader announces it. */
  label: string;
  caption: string;
  columns: ScrollingTableColumn[];
  /** Keeps many columns readable (60rem) and lets the box scroll instead of squeezing them. */
  wide?: boolean;
  /** The <tr> rows. */
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      // relative: screen-reader-only text inside is positioned absolutely; without a positioned ancestor here it
      // escapes the scrolling box and widens the whole page on a phone.
      className="relative overflow-x-auto rounded-lg border border-slate-200"
    >
      <table className={`w-full border-collapse text-sm ${wide ? 'min-w-[60rem]' : ''}`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {columns.map((column, index) => (
              <th
                key={index}
                scope="col"
                className={`px-3 py-2 font-semibold text-slate-900 ${column.numeric ? 'text-right' : 'text-left'} ${column.className ?? ''}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
