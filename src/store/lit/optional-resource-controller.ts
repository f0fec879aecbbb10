import type { Resource, ResourceDefinition } from '../resource.js';
import { ResourceListController } from './resource-list-controller.js';
import type { SourceHost } from './source-host.js';

/**
 * Like `ResourceController`, but only subscribed while `params()` returns parameters: an
 * element can watch Prometheus when one is configured and poll nothing otherwise.
 */
export class OptionalResourceController<T, P> {
  private readonly list: ResourceListController<T, P>;

  constructor(
    host: SourceHost,
    definition: ResourceDefinition<T, P>,
    /** Parameters, or null for "none"; re-read before each update and may read signals. */
    params: () => P | null,
  ) {
    this.list = new ResourceListController(host, definition, () => {
      const p = params();
      return p === null ? [] : [p];
    });
  }

  /** The resource for the current parameters, or undefined when there are none. */
  get resource(): Resource<T, P> | undefined {
    return this.list.resources[0];
  }
}
