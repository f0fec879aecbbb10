import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { VERSION } from '../version.js';
import { defineElement } from './define.js';
import { PharosElement } from './pharos-element.js';

let n = 0;
const freshTag = () => `pharos-define-test-${Date.now().toString(36)}-${n++}`;

/** Runs `fn` and returns what it printed with console.warn. */
function warningsOf(fn: () => void): string[] {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    fn();
  } finally {
    console.warn = original;
  }
  return seen;
}

class Current extends PharosElement {
  override render() {
    return html`current`;
  }
}

describe('safe registration (define)', () => {
  it('registers a tag, and a second registration by the same class is silent', () => {
    const tag = freshTag();
    const warnings = warningsOf(() => {
      Current.define(tag);
      Current.define(tag);
      defineElement(tag, Current);
    });
    expect(customElements.get(tag)).to.equal(Current);
    expect(warnings).to.deep.equal([]);
    expect(Current.version).to.equal(VERSION);
  });

  it('another copy of the same version owning the tag is silent (two bundles on one page)', () => {
    const tag = freshTag();
    class OtherCopy extends HTMLElement {
      static readonly version = VERSION;
    }
    customElements.define(tag, OtherCopy);
    const warnings = warningsOf(() => Current.define(tag));
    expect(warnings).to.deep.equal([]);
    expect(customElements.get(tag)).to.equal(OtherCopy);
  });

  it('a different version owning tags is said once, in one console warning, and nothing throws', () => {
    class Old extends HTMLElement {
      static readonly version = '0.0.1-old';
    }
    const tags = [freshTag(), freshTag(), freshTag()];
    // A registry takes each class once, so each tag gets its own subclass of the old version.
    for (const tag of tags) customElements.define(tag, class extends Old {});
    class Dependent extends PharosElement {
      static override dependencies = { [tags[1]!]: Current, [tags[2]!]: Current };
    }
    const mine = freshTag();
    const warnings = warningsOf(() => {
      Current.define(tags[0]!);
      Current.define(tags[0]!);
      Dependent.define(mine);
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(`Pharos Ops Elements ${VERSION}`);
    expect(warnings[0]).to.contain('version 0.0.1-old');
    expect(warnings[0]).to.contain(`<${tags[0]}>`);
    // The old version keeps its tags; this copy's own new tag is registered all the same.
    expect(customElements.get(tags[0]!)!.prototype).to.be.instanceOf(Old);
    expect(customElements.get(mine)).to.equal(Dependent);
  });

  it('an element of another library owning a tag is said once too', () => {
    const tag = freshTag();
    customElements.define(tag, class extends HTMLElement {});
    const warnings = warningsOf(() => {
      Current.define(tag);
      defineElement(tag, Current);
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('another library');
  });
});
