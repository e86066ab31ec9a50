// How well a volunteer fits an ask, as a bar and in words ("Fit 82%"). A meter (role="meter") named by
// its visible label, so a screen reader hears the same figure a sighted person reads. The bar is an SVG
// rectangle whose width is an attribute, not an inline style: the pages' Content-Security-Policy allows
// styles from our stylesheet only (docs/decisions/0023).

export function FitMeter({ id, score, name }: { id: string; score: number; name: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, score)) * 100);
  const labelId = `${id}-label`;
  return (
    <div className="flex items-center gap-3">
      <span id={labelId} className="shrink-0 text-sm font-semibold text-slate-900">
        Fit {percent}%<span className="sr-only"> for {name}</span>
      </span>
      <div
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
        className="h-3 w-full max-w-48 overflow-hidden rounded-full border border-slate-500 bg-slate-100"
      >
        <svg className="block h-full w-full" aria-hidden="true" focusable="false">
          <rect className="fill-brand-700" width={`${percent}%`} height="100%" />
        </svg>
      </div>
    </div>
  );
}
