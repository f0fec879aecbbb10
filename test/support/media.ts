import { emulateMedia } from '@web/test-runner-commands';

/**
 * Runs `check` as for a viewer who prefers reduced motion. Chromium emulates the media
 * feature (over CDP). Firefox (WebDriver BiDi) and WebKit (classic WebDriver) cannot, so
 * there the element's own `@media (prefers-reduced-motion: reduce)` rules are adopted
 * without their condition: the same rules, applied as the preference would apply them.
 */
export async function withReducedMotion(el: Element, check: () => void | Promise<void>): Promise<void> {
  let emulated = true;
  try {
    await emulateMedia({ reducedMotion: 'reduce' });
  } catch {
    emulated = false;
  }
  if (emulated) {
    try {
      await check();
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
    return;
  }
  const root = el.shadowRoot!;
  const rules = root.adoptedStyleSheets
    .flatMap((sheet) => [...sheet.cssRules])
    .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && /prefers-reduced-motion:\s*reduce/.test(rule.media.mediaText));
  if (rules.length === 0) throw new Error(`${el.localName} has no @media (prefers-reduced-motion: reduce) rules`);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules.flatMap((rule) => [...rule.cssRules].map((inner) => inner.cssText)).join('\n'));
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  try {
    await check();
  } finally {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  }
}
