/**
 * A one-axis dot chart of the numeric values of one quantity: a dot per source, labelled by outlet, with the
 * page's own value drawn as a diamond. The SVG carries a text summary; the table next to it carries the data.
 */
import { linearScale } from '../lib/format';
import './theme.css';

/** One plotted value. */
export interface ChartPoint {
  /** Who states it ("Reuters", "This page", "Unknown outlet"). */
  label: string;
  value: number;
  /** The value as it reads ("at least 58"). */
  display: string;
  /** True for the page's own figure, drawn differently. */
  page: boolean;
}

/** Props of {@link FigureChart}. */
export interface FigureChartProps {
  points: readonly ChartPoint[];
  /** Accessible summary, used as the SVG's `<title>` and `aria-label`. */
  summary: string;
}

const WIDTH = 280;
const HEIGHT = 78;
const AXIS_Y = 34;
/** Horizontal margin around the plotted range; end labels are anchored inwards, so a small one suffices. */
const MARGIN = 16;
/** Longest label drawn; longer ones are cut with an ellipsis (the table and the summary have the full text). */
const LABEL_MAX = 22;

function shorten(label: string): string {
  return label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label;
}

interface Dot {
  value: number;
  label: string;
  display: string;
  page: boolean;
}

/** One dot per distinct value, so equal values do not draw on top of each other ("AFP, Reuters ×2"). */
function dotsOf(points: readonly ChartPoint[]): Dot[] {
  const byValue = new Map<number, ChartPoint[]>();
  for (const p of points) byValue.set(p.value, [...(byValue.get(p.value) ?? []), p]);
  return [...byValue.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([value, group]) => {
      const counts = new Map<string, number>();
      for (const p of group) counts.set(p.label, (counts.get(p.label) ?? 0) + 1);
      const label = [...counts].map(([l, n]) => (n > 1 ? `${l} ×${n}` : l)).join(', ');
      const page = group.some((p) => p.page);
      return { value, label, display: (group.find((p) => p.page) ?? group[0]!).display, page };
    });
}

/** Text anchor that keeps the end labels inside the chart. */
function anchor(i: number, count: number): 'start' | 'middle' | 'end' {
  if (count < 2) return 'middle';
  return i === 0 ? 'start' : i === count - 1 ? 'end' : 'middle';
}

/** An SVG dot chart; labels alternate between two rows so that neighbouring dots keep readable labels. */
export function FigureChart({ points, summary }: FigureChartProps) {
  const dots = dotsOf(points);
  const x = linearScale(
    dots.map((p) => p.value),
    MARGIN,
    WIDTH - MARGIN,
  );
  return (
    <svg class="cc-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} width={WIDTH} height={HEIGHT}>
      <title>{summary}</title>
      <line class="cc-chart-axis" x1={MARGIN / 2} x2={WIDTH - MARGIN / 2} y1={AXIS_Y} y2={AXIS_Y} />
      {dots.map((p, i) => {
        const cx = x(p.value);
        const row = i % 2;
        const tx = anchor(i, dots.length) === 'start' ? cx - 6 : anchor(i, dots.length) === 'end' ? cx + 6 : cx;
        return (
          <g key={p.value} class={p.page ? 'cc-chart-point cc-chart-point--page' : 'cc-chart-point'} data-value={p.value}>
            {p.page ? (
              <rect x={cx - 5} y={AXIS_Y - 5} width={10} height={10} transform={`rotate(45 ${cx} ${AXIS_Y})`} />
            ) : (
              <circle cx={cx} cy={AXIS_Y} r={5} />
            )}
            <text class="cc-chart-value" x={tx} y={row ? AXIS_Y - 20 : AXIS_Y - 10} text-anchor={anchor(i, dots.length)}>
              {p.display}
            </text>
            <text class="cc-chart-label" x={tx} y={row ? AXIS_Y + 34 : AXIS_Y + 20} text-anchor={anchor(i, dots.length)}>
              {shorten(p.label)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
