import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { t } from '../i18n/translate.js';
import { toLocale } from '../util/format.js';

/** Direction of a sort, named as `aria-sort` names it. */
export type SortDirection = 'ascending' | 'descending';

/** Which column a table is sorted by, and how. */
export interface SortState {
  readonly column: string;
  readonly direction: SortDirection;
}

/** One column of a {@link SortableTableController} table. */
export interface TableColumn<R> {
  /** Stable key (also the `data-column` of its header). */
  readonly key: string;
  /** Header text. */
  readonly label: string;
  /** The cell's content (text or a template; rendered as text by lit, never as HTML). */
  cell(row: R): unknown;
  /** Value to sort by; omit for a column that cannot be sorted. `null` sorts last. */
  sortValue?(row: R): number | string | null;
  /** Right-aligned, tabular figures; its first click sorts largest first. */
  readonly numeric?: boolean;
}

/** What {@link SortableTableController.render} needs each time. */
export interface TableRenderOptions<R> {
  rows: readonly R[];
  /** Accessible name of the table (a visually hidden caption). */
  caption: string;
  /** Stable identity of a row (its `data-key`). */
  rowKey(row: R): string;
  /** Page language, for string collation. */
  lang: string;
  /** `part` of the table element; default `table`. */
  part?: string;
}

/** The next sort after a click on `column`'s header: same column flips, a new one starts in its natural order. */
export function nextSort<R>(current: SortState | null, column: TableColumn<R>): SortState {
  if (current?.column === column.key) {
    return { column: column.key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column: column.key, direction: column.numeric ? 'descending' : 'ascending' };
}

/** A sorted copy of `rows` (stable; missing values last whatever the direction). */
export function sortRows<R>(rows: readonly R[], columns: readonly TableColumn<R>[], sort: SortState | null, lang = 'en'): R[] {
  const column = sort && columns.find((c) => c.key === sort.column);
  if (!sort || !column?.sortValue) return [...rows];
  const value = column.sortValue.bind(column);
  const collator = new Intl.Collator(toLocale(lang), { numeric: true, sensitivity: 'base' });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => {
      const missingA = a.v === null || (typeof a.v === 'number' && Number.isNaN(a.v));
      const missingB = b.v === null || (typeof b.v === 'number' && Number.isNaN(b.v));
      if (missingA || missingB) return missingA === missingB ? a.index - b.index : missingA ? 1 : -1;
      const order = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((entry) => entry.row);
}

/**
 * A table whose sortable headers are buttons (keyboard operable, `aria-sort` on the sorted
 * column, the change announced in a polite live region). The controller owns the sort state
 * so it survives re-renders driven by polling.
 *
 * @example
 * private table = new SortableTableController(this, COLUMNS, { column: 'avg', direction: 'descending' });
 * render() { return this.table.render({ rows, caption: 'Method timings', rowKey: (r) => r.name, lang }); }
 */
export class SortableTableController<R> implements ReactiveController {
  /** Current sort, or null for the rows' own order. */
  sort: SortState | null;
  private announcement = '';
  /** The language of the last render, for the announcement. */
  private lang = 'en';

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The columns, in display order. */
    readonly columns: readonly TableColumn<R>[],
    initial: SortState | null = null,
  ) {
    this.sort = initial;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Sorts by `key` (a column key) in `direction`, as a header click would. */
  sortBy(key: string, direction?: SortDirection): void {
    const column = this.columns.find((c) => c.key === key);
    if (!column?.sortValue) return;
    this.sort = direction ? { column: key, direction } : nextSort(this.sort, column);
    this.announcement =
      this.sort.direction === 'ascending' ? t(this.lang, 'Sorted by {0}, ascending.', column.label) : t(this.lang, 'Sorted by {0}, descending.', column.label);
    this.host.requestUpdate();
  }

  /** The table for the given rows. */
  render(options: TableRenderOptions<R>): TemplateResult {
    this.lang = options.lang;
    const rows = sortRows(options.rows, this.columns, this.sort, options.lang);
    return html`<table part=${options.part ?? 'table'} class="sortable">
        <caption class="visually-hidden">${options.caption}</caption>
        <thead>
          <tr>
            ${this.columns.map((c) => this.renderHeader(c))}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr part="row" data-key=${options.rowKey(row)}>
              ${this.columns.map((c, i) =>
                i === 0
                  ? html`<th scope="row" class=${c.numeric ? 'num' : ''}>${c.cell(row)}</th>`
                  : html`<td class=${c.numeric ? 'num' : ''} data-column=${c.key}>${c.cell(row)}</td>`,
              )}
            </tr>`,
          )}
        </tbody>
      </table>
      <span class="visually-hidden" role="status">${this.announcement}</span>`;
  }

  private renderHeader(column: TableColumn<R>): TemplateResult {
    const sorted = this.sort?.column === column.key ? this.sort.direction : null;
    if (!column.sortValue) {
      return html`<th scope="col" class=${column.numeric ? 'num' : ''} data-column=${column.key}>${column.label}</th>`;
    }
    const arrow = sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕';
    return html`<th scope="col" class=${column.numeric ? 'num' : ''} data-column=${column.key} aria-sort=${sorted ?? nothing}>
      <button type="button" part="sort-button" class="sort" @click=${() => this.sortBy(column.key)}>
        ${column.label}<span class="arrow" aria-hidden="true" data-sorted=${sorted ? 'true' : 'false'}>${arrow}</span>
      </button>
    </th>`;
  }
}

/** Styles for {@link SortableTableController} tables; add to the element's `styles`. */
export const sortableTableStyles = css`
  table.sortable {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  table.sortable th,
  table.sortable td {
    text-align: start;
    padding: 4px 8px;
    border-top: 1px solid var(--_border);
    vertical-align: baseline;
    overflow-wrap: break-word;
  }
  table.sortable tbody th {
    font-weight: 500;
  }
  table.sortable thead th {
    border-top: none;
    color: var(--_muted);
    font-weight: 600;
    font-size: 0.86em;
    white-space: nowrap;
  }
  table.sortable .num {
    text-align: end;
    white-space: nowrap;
  }
  table.sortable button.sort {
    background: none;
    border: none;
    padding: 2px 0;
    color: inherit;
    font-weight: inherit;
    display: inline-flex;
    gap: 4px;
    align-items: baseline;
  }
  table.sortable button.sort:hover {
    text-decoration: underline;
  }
  table.sortable .arrow {
    font-size: 0.8em;
    opacity: 0.5;
  }
  table.sortable .arrow[data-sorted='true'] {
    opacity: 1;
  }
`;
