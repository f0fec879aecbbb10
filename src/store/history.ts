import { Signal } from 'signal-polyfill';

/** A chronological, columnar slice of history: `times[i]` goes with `columns[name][i]`. */
export interface HistoryWindow {
  /** Sample times in milliseconds since the epoch, ascending. */
  times: Float64Array;
  /** One array per series; `NaN` where a value is missing (a gap). */
  columns: Record<string, Float64Array>;
}

/** A row of samples to append. `null` or a missing series records a gap. */
export type Sample = Record<string, number | null | undefined>;

/** What {@link HistoryBuffer.listen} reports: a row appended by a poll, or the buffer cleared. */
export type HistoryEvent =
  /** `replicated`: the row came from the page that polls for this one (see `cross-tab.ts`) and is saved there. */
  | { type: 'append'; time: number; sample: Sample; replicated: boolean }
  | { type: 'clear' };

/** Rows a buffer holds room for at first; it doubles from there up to its capacity. */
const INITIAL_ROWS = 64;

/**
 * A bounded ring of numeric samples, stored columnar in typed arrays (the layout uPlot
 * draws from), so memory stays bounded whatever the run time: when full, the oldest row is
 * overwritten. The arrays grow with the rows (doubling) up to the capacity instead of
 * taking it at once: a week of rows per series, allocated and filled for every series as
 * a dashboard opens, was a fifth of a second of its first load.
 */
export class HistoryBuffer {
  /** Bumped on every change, so charts and trends recompute when read inside a signal. */
  readonly version = new Signal.State(0);
  private times: Float64Array;
  private readonly cols = new Map<string, Float64Array>();
  /** Rows the arrays have room for: grows to `capacity`, and the ring wraps only then. */
  private allocated: number;
  private start = 0;
  private count = 0;
  private readonly listeners = new Set<(event: HistoryEvent) => void>();

  constructor(readonly capacity: number) {
    this.allocated = Math.min(capacity, INITIAL_ROWS);
    this.times = new Float64Array(this.allocated);
  }

  /** Number of rows held. */
  get length(): number {
    return this.count;
  }

  /** Names of the series seen so far. */
  get series(): string[] {
    return [...this.cols.keys()];
  }

  /** Time of the newest row, or null when empty. */
  get lastTime(): number | null {
    return this.count === 0 ? null : this.times[this.index(this.count - 1)]!;
  }

  /** Time of the oldest row, or null when empty. */
  get firstTime(): number | null {
    return this.count === 0 ? null : this.times[this.start]!;
  }

  private index(i: number): number {
    return (this.start + i) % this.capacity;
  }

  private column(name: string): Float64Array {
    let col = this.cols.get(name);
    if (!col) {
      col = new Float64Array(this.allocated).fill(NaN);
      this.cols.set(name, col);
    }
    return col;
  }

  /**
   * Appends one row. Rows must come in time order; an older row is ignored. `replicated`
   * marks a row another page polled (and saves), for listeners such as persistence.
   */
  append(time: number, sample: Sample, replicated = false): void {
    const written = this.write(time, sample);
    this.version.set(this.version.get() + 1);
    if (written) for (const listener of this.listeners) listener({ type: 'append', time, sample, replicated });
  }

  /**
   * Calls `listener` after each {@link append} and {@link clear} (not for
   * {@link appendMany}, which restores rows that are already saved). For persistence.
   * Returns a function that stops the calls.
   */
  listen(listener: (event: HistoryEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Appends many rows with one change notification (restoring persisted history). */
  appendMany(rows: Iterable<readonly [number, Sample]>): void {
    for (const [time, sample] of rows) this.write(time, sample);
    this.version.set(this.version.get() + 1);
  }

  private write(time: number, sample: Sample): boolean {
    const last = this.lastTime;
    if (last !== null && time < last) return false;
    let slot: number;
    if (this.count === this.allocated && this.count < this.capacity) this.grow();
    if (this.count < this.capacity) {
      slot = this.index(this.count);
      this.count++;
    } else {
      slot = this.start;
      this.start = (this.start + 1) % this.capacity;
    }
    this.times[slot] = time;
    for (const col of this.cols.values()) col[slot] = NaN;
    for (const [name, value] of Object.entries(sample)) {
      this.column(name)[slot] = typeof value === 'number' && Number.isFinite(value) ? value : NaN;
    }
    return true;
  }

  /** Doubles the room for rows, up to the capacity. Only while not full, so the rows start at 0. */
  private grow(): void {
    const size = Math.min(this.capacity, this.allocated * 2);
    const times = new Float64Array(size);
    times.set(this.times);
    this.times = times;
    for (const [name, col] of this.cols) {
      const grown = new Float64Array(size).fill(NaN);
      grown.set(col);
      this.cols.set(name, grown);
    }
    this.allocated = size;
  }

  /** Index of the first row at or after `time` (or after it, with `after`): binary search over the ring. */
  private lowerBound(time: number, after = false): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.times[this.index(mid)]!;
      if (t < time || (after && t === time)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Copies the rows with `from <= time <= to` into fresh arrays, oldest first. Reading it
   * inside a computed signal or render makes that depend on new appends.
   */
  window(from = -Infinity, to = Infinity, names: readonly string[] = this.series): HistoryWindow {
    this.version.get();
    const first = this.lowerBound(from);
    // Rows at exactly `to` are included (adding an epsilon to `to` is lost at 1.8e12 ms).
    const end = this.lowerBound(to, true);
    const n = Math.max(0, end - first);
    const times = new Float64Array(n);
    const columns: Record<string, Float64Array> = {};
    for (const name of names) columns[name] = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      const slot = this.index(first + i);
      times[i] = this.times[slot]!;
      for (const name of names) {
        const col = this.cols.get(name);
        if (col) columns[name]![i] = col[slot]!;
      }
    }
    return { times, columns };
  }

  /** The newest finite value of a series, or null. */
  latest(name: string): number | null {
    this.version.get();
    const col = this.cols.get(name);
    if (!col) return null;
    for (let i = this.count - 1; i >= 0; i--) {
      const v = col[this.index(i)]!;
      if (!Number.isNaN(v)) return v;
    }
    return null;
  }

  /** Sum of the finite values of a series between `from` and `to` (e.g. failures in a range). */
  sum(name: string, from = -Infinity, to = Infinity): number {
    const col = this.window(from, to, [name]).columns[name]!;
    let total = 0;
    for (const v of col) if (!Number.isNaN(v)) total += v;
    return total;
  }

  /** Removes every row. */
  clear(): void {
    this.start = 0;
    this.count = 0;
    this.cols.clear();
    this.version.set(this.version.get() + 1);
    for (const listener of this.listeners) listener({ type: 'clear' });
  }

  /** Bytes held by the typed arrays (for the memory benchmark). */
  get byteLength(): number {
    let bytes = this.times.byteLength;
    for (const col of this.cols.values()) bytes += col.byteLength;
    return bytes;
  }
}
