/**
 * The shared polling store: sources (one per backend), resources (one per endpoint and
 * parameters, one timer each), columnar history, and the controllers elements use.
 */
export * from './clock.js';
export * from './visibility.js';
export * from './time-range.js';
export * from './history.js';
export * from './resource.js';
export * from './source.js';
export * from './resources.js';
export * from './registry.js';
export * from './lit/context.js';
export * from './lit/controllers.js';
export * from './sharing/sharing.js';
export * from './sharing/solo-share.js';
// Type only: the protocol's code is loaded when a second page of a group appears.
export type { CrossTabShare } from './sharing/cross-tab.js';
