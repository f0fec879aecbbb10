// Globals as a host page may leave them before our script runs: a registry patched to log,
// a `Signal` global from another copy of a signals library, enumerable additions to built-in
// prototypes (old libraries), an instrumented fetch, another Lit already on the page, its
// own custom elements, one of them named like a generic tag and one in our prefix, and
// storage that throws on access, as in a sandboxed frame or one whose storage the browser
// blocks (third-party storage off).

/** What the page saw, for the test to check that its patches were really in place. */
export const seen = { defined: [] as string[], fetches: 0 };

const define = customElements.define.bind(customElements);
customElements.define = (name: string, ctor: CustomElementConstructor, options?: ElementDefinitionOptions) => {
  seen.defined.push(name);
  define(name, ctor, options);
};

// Another copy's Signal: ours must never pick it up.
(globalThis as Record<string, unknown>).Signal = {
  State: class {
    constructor() {
      throw new Error('the page’s own Signal.State was used');
    }
  },
  Computed: class {
    constructor() {
      throw new Error('the page’s own Signal.Computed was used');
    }
  },
  subtle: {},
};

// Enumerable, as `Array.prototype.x = …` makes them: a `for…in` over an array would see them.
const protos = { array: Array.prototype as unknown as Record<string, unknown>, string: String.prototype as unknown as Record<string, unknown> };
protos.array.first = function (this: unknown[]) {
  return this[0];
};
protos.array.each = function (this: unknown[], fn: (v: unknown) => void) {
  this.forEach(fn);
};
protos.string.capitalize = function (this: string) {
  return this.charAt(0).toUpperCase() + this.slice(1);
};

// An analytics wrapper around fetch that keeps its behaviour.
const fetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = (...args: Parameters<typeof globalThis.fetch>) => {
  seen.fetches++;
  return fetch(...args);
};

// Storage that is there but may not be touched: reading `localStorage` or `indexedDB` throws.
for (const name of ['localStorage', 'sessionStorage', 'indexedDB']) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() {
      throw new DOMException(`The page may not use ${name}.`, 'SecurityError');
    },
  });
}

// Another Lit on the page (Lit warns in dev mode and carries on).
(globalThis as Record<string, unknown>).litElementVersions = ['2.8.0'];

/** The page's own elements. */
class PageElement extends HTMLElement {
  connectedCallback() {
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' }).textContent = `page ${this.localName}`;
  }
}
for (const tag of ['status-badge', 'metric-card', 'time-series', 'pharos-tooltip']) customElements.define(tag, class extends PageElement {});
