import type { ReactNode } from 'react';

/** What a list shows when it has nothing in it: what that means, and what to do next. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      {children ? <div className="mt-2 text-slate-700">{children}</div> : null}
    </div>
  );
}
