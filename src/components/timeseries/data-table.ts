/**
 * The accessible table: the chart's visible rows as a real `<table>` (newest first, a row
 * header per time, a column header per series with its unit, marks as notes), for screen
 * readers and for reading exact values. Loaded when a chart's table is first shown.
 */
import { html, nothing } from 'lit';
import { cssProps } from '../../ui/css-props.js';
import { formatDateTime, formatNumber } from '../../util/format.js';
import { t } from '../../i18n/translate.js';
import { list } from '../../i18n/list.js';
import { nearestIndex, TABLE_ROW_LIMIT, timesOf, unitOf, valueAt, type ChartModel } from './chart-model.js';
import { formatWithUnit } from './units.js';

/** The table of rows `[start, end)` (the newest {@link TABLE_ROW_LIMIT} of them), in a scrolling region. */
export function renderDataTable(model: ChartModel, lang: string, start: number, end: number) {
  const xs = timesOf(model);
  const first = Math.max(start, end - TABLE_ROW_LIMIT);
  const hasMarks = model.marks.length > 0;
  const notes = new Map<number, string[]>();
  for (const m of model.marks) {
    const i = nearestIndex(xs, m.time);
    if (i !== null && i >= first && i < end) notes.set(i, [...(notes.get(i) ?? []), m.label]);
  }
  const rows = [];
  for (let i = end - 1; i >= first; i--) {
    rows.push(html`<tr>
      <th scope="row">${formatDateTime(lang, xs[i]!)}</th>
      ${model.series.map((_, s) => html`<td>${formatWithUnit(lang, valueAt(model, s, i), unitOf(model, s))}</td>`)}
      ${hasMarks ? html`<td>${list(lang, notes.get(i) ?? [])}</td>` : nothing}
    </tr>`);
  }
  const total = end - start;
  const name = model.label || t(lang, 'Data');
  const caption =
    total > TABLE_ROW_LIMIT
      ? t(lang, '{0}: newest {1} of {2} points (export CSV for all)', name, formatNumber(lang, TABLE_ROW_LIMIT, 0), formatNumber(lang, total, 0))
      : total === 0
        ? t(lang, '{0}: no data in this time range', name)
        : name;
  return html`<div
    class="table-wrap"
    ${cssProps({ 'max-height': `${Math.max(model.height, 240)}px` })}
    tabindex="0"
    role="region"
    aria-label=${model.label ? t(lang, '{0} data', model.label) : t(lang, 'Chart data')}
  >
    <table part="table">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t(lang, 'Time')}</th>
          ${model.series.map((s, i) => html`<th scope="col">${s.label}${unitOf(model, i) ? ` (${unitOf(model, i)})` : ''}</th>`)}
          ${hasMarks ? html`<th scope="col">${t(lang, 'Note')}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}
