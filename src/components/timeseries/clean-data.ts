/**
 * Data cleaning: the element accepts typed arrays with `NaN` for gaps, but uPlot draws a gap
 * only for `null`. Clean columns pass through untouched (no copy on the hot path of an
 * appended point); others become plain arrays with `null` in every non-finite cell.
 */
import type uPlot from './uplot.js';

/** A finite number (not `null`, `undefined`, `NaN` or ±Infinity). */
export const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** A y column as uPlot needs it, `length` long: the column itself when already clean. */
export function toPlotColumn(column: ArrayLike<number | null> | undefined, length: number): (number | null)[] | ArrayLike<number> {
  if (!column) return new Array<null>(length).fill(null);
  let clean = column.length === length;
  if (clean) {
    for (let i = 0; i < length; i++) {
      const v = column[i];
      if (typeof v !== 'number' || v !== v || v === Infinity || v === -Infinity) {
        clean = false;
        break;
      }
    }
  }
  if (clean) return column as ArrayLike<number>;
  const out = new Array<number | null>(length);
  for (let i = 0; i < length; i++) {
    const v = i < column.length ? column[i] : null;
    out[i] = typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  return out;
}

/** `[xs, ...ys]` as uPlot's aligned data: one cleaned column per series, as long as `xs`. */
export function toPlotData(data: readonly (ArrayLike<number | null> | undefined)[], seriesCount: number): uPlot.AlignedData {
  const xs = (data[0] ?? []) as ArrayLike<number>;
  const n = xs.length;
  const columns: uPlot.AlignedData[number][] = [xs as number[]];
  for (let i = 0; i < seriesCount; i++) columns.push(toPlotColumn(data[i + 1], n) as (number | null)[]);
  return columns as uPlot.AlignedData;
}
