import { shareDefinition, type ResourceDefinition } from '../resource.js';

/**
 * Shares a resource definition (see `shareDefinition`): every endpoint is polled once per
 * browser when pages share (see cross-tab.ts). Marked pure so bundlers drop the definitions
 * (and their parsers) a page does not use; a definition a page never imports is one its
 * leader cannot poll for others, so followers poll those themselves.
 */
export const define = /* @__NO_SIDE_EFFECTS__ */ <T, P = void>(definition: ResourceDefinition<T, P>) => shareDefinition(definition);
