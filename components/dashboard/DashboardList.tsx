// A titled list on the dashboard with the words to show when it is empty.
import type { ReactNode } from 'react';

export function DashboardList({ id, title, empty, children }: { id: string; title: string; empty: ReactNode; children: ReactNode[] }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h3 id={id} className="text-lg font-semibold">
        {title}
      </h3>
      {children.length === 0 ? <p className="text-slate-700">{empty}</p> : <ul className="space-y-2">{children}</ul>}
    </section>
  );
}
