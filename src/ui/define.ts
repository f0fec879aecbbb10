/** A custom element class that may say which version of this library registered it. */
export type VersionedElement = CustomElementConstructor & { readonly version?: string };

// Per copy of the library: one warning per pair of versions, however many tags clash.
const warned = new Set<string>();

/**
 * Registers `ctor` under `tag` unless the tag is already taken, and never throws for that:
 * a second registration by the same class or by another copy of the same version is silent
 * (two bundles on one page both import the library); a different version, or an element from
 * another library, owning the tag is said once, in a console warning. The tag then keeps
 * the element that owns it: a registry cannot be changed.
 */
export function defineElement(tag: string, ctor: VersionedElement): void {
  const existing = customElements.get(tag) as VersionedElement | undefined;
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing === ctor || (existing.version !== undefined && existing.version === ctor.version)) return;
  const theirs = existing.version === undefined ? 'another library' : `version ${existing.version}`;
  const key = `${ctor.version}\u0000${theirs}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`Pharos Ops Elements ${ctor.version ?? ''}: <${tag}> stays ${theirs}'s; load one copy of the library per page.`);
}
