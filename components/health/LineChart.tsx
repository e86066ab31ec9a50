// A week-by-week line chart as plain server-rendered SVG: d3-scale places the points, d3-shape draws the lines,
// React writes the markup, so it needs no JavaScript in the browser. role="img" with its own <title> and
// <desc> (the text summary); the numbers themselves are in the table the page puts under it.
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { SERIES_STYLES } from './series-styles';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

interface Props {
  id: string;
  title: string;
  summary: string;
  /** One label per point on the x axis (the weeks). */
  labels: string[];
  series: ChartSeries[];
  xLabel: string;
  yLabel: string;
  /** The y axis's top when the data could be smaller (100 for a percentage, 5 for a rating). */
  yMax?: number;
}

const WIDTH = 640;
const HEIGHT = 320;
const MARGIN = { top: 16, right: 16, bottom: 72, left: 56 };

export function LineChart({ id, title, summary, labels, series, xLabel, yLabel, yMax }: Props) {
  const x = scalePoint<string>()
    .domain(labels)
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.3);
  const highest = Math.max(yMax ?? 0, ...series.flatMap((s) => s.values.filter((value): value is number => value !== null)), 1);
  const y = scaleLinear()
    .domain([0, highest])
    .nice(5)
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path = line<number | null>()
    .defined((value) => value !== null)
    .x((_, index) => x(labels[index]!) ?? 0)
    .y((value) => y(value ?? 0));
  const ticks = y.ticks(5);
  const plotBottom = HEIGHT - MARGIN.bottom;

  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="h-auto w-full max-w-3xl"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      <g className="text-slate-700" fill="currentColor" fontSize="12">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="#cbd5e1" strokeWidth="1" />
            <text x={MARGIN.left - 8} y={y(tick)} textAnchor="end" dominantBaseline="middle">
              {tick}
            </text>
          </g>
        ))}
        {labels.map((label) => (
          <text
            key={label}
            transform={`translate(${x(label)}, ${plotBottom + 12}) rotate(-40)`}
            textAnchor="end"
            dominantBaseline="middle"
            fontSize="11"
          >
            {label}
          </text>
        ))}
        <text x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 6} textAnchor="middle" fontWeight="600">
          {xLabel}
        </text>
        <text transform={`translate(14, ${(MARGIN.top + plotBottom) / 2}) rotate(-90)`} textAnchor="middle" fontWeight="600">
          {yLabel}
        </text>
      </g>
      <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={plotBottom} y2={plotBottom} stroke="#475569" strokeWidth="1" />
      {series.map((s, index) => {
        const style = SERIES_STYLES[index % SERIES_STYLES.length]!;
        return (
          <g key={s.label}>
            <path d={path(s.values) ?? ''} fill="none" stroke={style.colour} strokeWidth="2.5" strokeDasharray={style.dash} />
            {s.values.map((value, point) =>
              value === null ? null : (
                <circle
                  key={labels[point]}
                  cx={x(labels[point]!)}
                  cy={y(value)}
                  r="3.5"
                  fill={style.colour}
                  stroke="white"
                  strokeWidth="1"
                />
              ),
            )}
          </g>
        );
      })}
    </svg>
  );
}
