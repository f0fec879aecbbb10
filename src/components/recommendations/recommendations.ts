import { PharosRecommendations } from './recommendations.component.js';

export { PharosRecommendations };
PharosRecommendations.define('pharos-recommendations');

declare global {
  interface HTMLElementTagNameMap {
    'pharos-recommendations': PharosRecommendations;
  }
}
