// What the author of hidden content sees in its place: that HalfHour hid it after a report, and why.
export function HiddenNotice({ what, reason }: { what: string; reason: string | null }) {
  return (
    <div role="note" className="rounded-md border border-red-700 bg-red-50 px-4 py-3 text-red-950">
      <p className="font-semibold">HalfHour has hidden {what} after a report: nobody else can see it.</p>
      {reason ? <p className="mt-1 whitespace-pre-line">Why: {reason}</p> : null}
    </div>
  );
}

/** In place of hidden words others would have read: says they were hidden, never what they said. */
export function HiddenWords({ what }: { what: string }) {
  return <p className="text-slate-700 italic">{what} was hidden by HalfHour after a report.</p>;
}
