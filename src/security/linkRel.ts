/**
 * The `rel` a link needs when it opens in another browsing context: `noopener`, so the opened
 * page cannot reach back and navigate this one. Any `target` other than `_self`, `_parent` and
 * `_top` may open a new window. Returns `rel` unchanged (undefined stays undefined) otherwise.
 */
export function withNoopener(target: string | undefined, rel: string | undefined): string | undefined {
  const name = (target ?? '').trim().toLowerCase();
  if (name === '' || name === '_self' || name === '_parent' || name === '_top') return rel;
  const words = (rel ?? '').split(/\s+/).filter(Boolean);
  if (words.some((w) => w.toLowerCase() === 'noopener' || w.toLowerCase() === 'noreferrer')) return rel;
  return [...words, 'noopener'].join(' ');
}
