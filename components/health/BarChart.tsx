// Horizontal grouped bars as server-rendered SVG, one group per category (the skills gap: asks against
// volunteers for each skill). d3-scale's band and linear scales place the bars; nothing runs in the browser.
import { scaleBand, scaleLinear } from 'd3-scale';
import { SERIES_STYLES } from './series-styles';

export interface BarGroup {
  label: string;
  values: number[];
  /** Marked beside the label: a skill with open asks and no volunteer. */
  flagged?: boolean;
}

interface Props {
  id: string;
  title: string;
  summary: string;
  groups: BarGroup[];
  seriesLabels: string[];
  xLabel: string;
  yLabel: string;
  flagLabel?: string;
}

const WIDTH = 640;
const MARGIN = { top: 12, right: 40, bottom: 48, left: 220 };
const ROW = 30;

export function BarChart({ id, title, summary, groups, seriesLabels, xLabel, yLabel, flagLabel = 'gap' }: Props) {
  const height = MARGIN.top + MARGIN.bottom + Math.max(groups.length, 1) * ROW;
  const y = scaleBand<string>()
    .domain(groups.map((group) => group.label))
    .range([MARGIN.top, height - MARGIN.bottom])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const inner = scaleBand<number>()
    .domain(seriesLabels.map((_, index) => index))
    .range([0, y.bandwidth()]);
  const x = scaleLinear()
    .domain([0, Math.max(1, ...groups.flatMap((group) => group.values))])
    .nice(5)
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const plotBottom = height - MARGIN.bottom;

  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="h-auto w-full max-w-3xl"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      <g className="text-slate-700" fill="currentColor" fontSize="12">
        {x.ticks(5).map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={MARGIN.top} y2={plotBottom} stroke="#cbd5e1" strokeWidth="1" />
            <text x={x(tick)} y={plotBottom + 16} textAnchor="middle">
              {tick}
            </text>
          </g>
        ))}
        {groups.map((group) => (
          <text
            key={group.label}
            x={MARGIN.left - 8}
            y={(y(group.label) ?? 0) + y.bandwidth() / 2}
            textAnchor="end"
            dominantBaseline="middle"
          >
            {group.flagged ? `${group.label} (${flagLabel})` : group.label}
          </text>
        ))}
        <text x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={height - 8} textAnchor="middle" fontWeight="600">
          {xLabel}
        </text>
        <text x={8} y={MARGIN.top + 4} fontWeight="600" dominantBaseline="hanging" fontSize="11">
          {yLabel}
        </text>
      </g>
      {groups.map((group) =>
        group.values.map((value, index) => {
          const style = SERIES_STYLES[index % SERIES_STYLES.length]!;
          const top = (y(group.label) ?? 0) + (inner(index) ?? 0);
          return (
            <g key={`${group.label}-${index}`}>
              <rect x={MARGIN.left} y={top} width={Math.max(0, x(value) - MARGIN.left)} height={inner.bandwidth()} fill={style.colour} />
              <text x={x(value) + 4} y={top + inner.bandwidth() / 2} dominantBaseline="middle" fontSize="10" fill="#334155">
                {value}
              </text>
            </g>
          );
        }),
      )}
      <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={plotBottom} stroke="#475569" strokeWidth="1" />
    </svg>
  );
}
