/**
 * Heading ids as GitHub and kramdown (GFM mode) make them: lowercase, every character that is
 * not a letter, mark, number, space, hyphen or underscore dropped, each space a hyphen.
 * `Sinatra/Padrino` -> `sinatrapadrino`, `Step 3 — Document` -> `step-3--document`,
 * `Über Café` -> `über-café`.
 */
export function slugifyHeading(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/**
 * Hands out unique ids on one page: the second `python` is `python-1`, the third `python-2`,
 * as GitHub and kramdown do. Ids taken by other means (explicit `{#id}`) are skipped too.
 */
export class HeadingIdAllocator {
  private readonly used = new Set<string>();

  /** Records an id chosen by the author; returns false if the page already has it. */
  claim(id: string): boolean {
    if (this.used.has(id)) return false;
    this.used.add(id);
    return true;
  }

  allocate(text: string): string {
    // A heading with no letters at all gets `section`, as kramdown does.
    const base = slugifyHeading(text) || 'section';
    let id = base;
    for (let n = 1; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
