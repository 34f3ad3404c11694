import { useId } from 'react';
import { niceScale, stackTotals } from './barChartScale.ts';
import './chart.css';

export interface BarSeries {
  key: string;
  name: string;
  /** One value per category, in the categories' order. */
  values: number[];
}

interface BarChartProps {
  /** What the chart shows, as its caption and accessible name. */
  title: string;
  /** Short axis labels (`nov`), one per bar. */
  categories: string[];
  /** Longer names for tooltips and the table (`november 2026`); the axis labels when left out. */
  categoryTitles?: string[];
  series: BarSeries[];
  /** The table's first column heading, in the caller's words ("Series"). */
  seriesLabel: string;
  formatValue(value: number): string;
}

const WIDTH = 720;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 52 };
const PALETTE_SIZE = 8;

/**
 * A small stacked bar chart in plain SVG: one bar per category, one colour per series, a legend, and the same
 * figures as a table for screen readers. Colours come from classes (the app's CSP allows no style attributes).
 */
export function BarChart({
  title,
  categories,
  categoryTitles = categories,
  series,
  seriesLabel,
  formatValue,
}: BarChartProps) {
  const captionId = useId();
  const totals = stackTotals(series, categories.length);
  const scale = niceScale(Math.max(0, ...totals));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = categories.length > 0 ? plotWidth / categories.length : plotWidth;
  const barWidth = Math.min(44, band * 0.62);
  const y = (value: number) => MARGIN.top + plotHeight - (value / scale.max) * plotHeight;

  return (
    <figure className="chart">
      <figcaption id={captionId} className="chart__caption">
        {title}
      </figcaption>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={captionId}
        preserveAspectRatio="xMidYMid meet"
      >
        {scale.ticks.map((tick) => (
          <g key={tick}>
            <line
              className="chart__grid"
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(tick)}
              y2={y(tick)}
            />
            <text className="chart__tick" x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
              {formatValue(tick)}
            </text>
          </g>
        ))}
        {categories.map((category, i) => {
          const x = MARGIN.left + band * i + (band - barWidth) / 2;
          let base = 0;
          return (
            <g key={`${category}-${i}`} data-testid="chart-bar">
              {series.map((s, index) => {
                const value = Math.max(0, s.values[i] ?? 0);
                if (value === 0) return null;
                const top = y(base + value);
                const height = y(base) - top;
                base += value;
                return (
                  <rect
                    key={s.key}
                    className={`chart__bar chart__bar--${index % PALETTE_SIZE}`}
                    x={x}
                    y={top}
                    width={barWidth}
                    height={height}
                  >
                    <title>{`${s.name}, ${categoryTitles[i]}: ${formatValue(value)}`}</title>
                  </rect>
                );
              })}
              <text className="chart__label" x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle">
                {category}
              </text>
            </g>
          );
        })}
        <line
          className="chart__axis"
          x1={MARGIN.left}
          x2={WIDTH - MARGIN.right}
          y1={MARGIN.top + plotHeight}
          y2={MARGIN.top + plotHeight}
        />
      </svg>
      <ul className="chart__legend" aria-hidden="true">
        {series.map((s, index) => (
          <li key={s.key}>
            <span className={`chart__swatch chart__bar--${index % PALETTE_SIZE}`} />
            {s.name}
          </li>
        ))}
      </ul>
      {/* Hidden by a block around it: a table ignores the 1px width and, with long series names, made the page
          scroll sideways. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{seriesLabel}</th>
              {categoryTitles.map((c, i) => (
                <th key={`${c}-${i}`} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.name}</th>
                {categories.map((c, i) => (
                  <td key={`${c}-${i}`}>{formatValue(s.values[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
