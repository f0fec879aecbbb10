import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** CSS properties for {@link cssProps}: kebab-case names (`--_fill`, `max-height`); null or undefined removes one. */
export type CssProps = Readonly<Record<string, string | number | null | undefined>>;

class CssPropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('cssProps() goes in an element position: <div ${cssProps({...})}>.');
  }

  render(_props: CssProps): unknown {
    return noChange;
  }

  override update(part: ElementPart, [props]: [CssProps]): unknown {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const name of this.previous) {
      if (props[name] == null) {
        style.removeProperty(name);
        this.previous.delete(name);
      }
    }
    for (const [name, value] of Object.entries(props)) {
      if (value == null) continue;
      style.setProperty(name, String(value));
      this.previous.add(name);
    }
    return noChange;
  }
}

/**
 * Sets CSS properties on an element through the CSSOM (`style.setProperty`), never through a
 * `style` attribute: a strict Content-Security-Policy (`style-src 'self'`) blocks style
 * attributes, `styleMap`'s first render included, but not the CSSOM. Prefer custom properties
 * that the stylesheet turns into geometry, e.g. `width: calc(var(--_fill) * 100%)`.
 *
 * @example
 * html`<div class="fill" ${cssProps({ '--_fill': usage })}></div>`
 */
export const cssProps = directive(CssPropsDirective);
