import { PharosMetricCard } from './metric-card.component.js';

export { PharosMetricCard };
PharosMetricCard.define('pharos-metric-card');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-metric-card': PharosMetricCard;
  }
}
