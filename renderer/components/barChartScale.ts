/** The axis of a bar chart: a round maximum at or above the largest stack, and evenly spaced ticks up to it. */
export function niceScale(max: number, tickCount = 4): { max: number; ticks: number[] } {
  if (!(max > 0)) return { max: 1, ticks: [0, 1] };
  const rough = max / tickCount;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let value = 0; value <= top + step / 2; value += step) ticks.push(Number(value.toFixed(10)));
  return { max: top, ticks };
}

/** Each category's stacked total. */
export function stackTotals(series: readonly { values: readonly number[] }[], categories: number): number[] {
  return Array.from({ length: categories }, (_, i) =>
    series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0),
  );
}
