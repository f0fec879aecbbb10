/**
 * Remembers one computed value until its key changes. Elements re-render every second (for
 * "N s ago"); copying a week of history for a chart each time would be waste, so the copy is
 * keyed on what changes it: the history's version and the selected range.
 *
 * @example
 * private chart = new Memo<HistoryWindow>();
 * const w = this.chart.get([resource.history.version.get(), range], () => resource.history.window(from));
 */
export class Memo<T> {
  private key: readonly unknown[] | null = null;
  private value!: T;

  /** The remembered value when every part of `key` is identical (`Object.is`) to last time, else `make()`. */
  get(key: readonly unknown[], make: () => T): T {
    const same = this.key !== null && this.key.length === key.length && this.key.every((k, i) => Object.is(k, key[i]));
    if (!same) {
      this.value = make();
      this.key = key;
    }
    return this.value;
  }
}
