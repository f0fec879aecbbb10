/**
 * The share of its track that a bar or gauge fill covers as the browser drew it: its layout
 * width over the track's inner width. Reads geometry, not the style the code meant to set, so
 * a style the page blocked (a CSP without 'unsafe-inline') shows up as a wrong share.
 */
export function drawnShare(fill: Element, track: Element = fill.parentElement!): number {
  return fill.getBoundingClientRect().width / track.clientWidth;
}
