import { PharosTimeseries } from './timeseries.component.js';

export { PharosTimeseries };
export type { TimeseriesBand, TimeseriesMark, TimeseriesSeries, TimeseriesThreshold } from './timeseries.component.js';
PharosTimeseries.define('pharos-timeseries');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-timeseries': PharosTimeseries;
  }
}
