import { SERIES_STYLES } from './series-styles';

/** The key to a chart's lines or bars, as text beside a sample of each. */
export function Legend({ labels, kind = 'line' }: { labels: string[]; kind?: 'line' | 'bar' }) {
  return (
    <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-800">
      {labels.map((label, index) => {
        const style = SERIES_STYLES[index % SERIES_STYLES.length]!;
        return (
          <li key={label} className="flex items-center gap-2">
            <svg width="28" height="12" aria-hidden="true" focusable="false">
              {kind === 'line' ? (
                <line x1="1" x2="27" y1="6" y2="6" stroke={style.colour} strokeWidth="3" strokeDasharray={style.dash} />
              ) : (
                <rect x="4" y="1" width="20" height="10" fill={style.colour} />
              )}
            </svg>
            {label}
          </li>
        );
      })}
    </ul>
  );
}
