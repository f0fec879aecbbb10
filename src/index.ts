/**
 * @pharos/ops-elements: Web Components for monitoring and operating a Pharos backend.
 * Importing this module defines every `pharos-*` tag.
 */
export * from './api/index.js';
export * from './store/index.js';
export { PharosElement } from './internal/pharos-element.js';
export { PharosSourceElement } from './components/source/source.js';
export { PharosStatusBadge } from './components/status-badge/status-badge.js';
export { PharosHealth } from './components/health/health.js';
