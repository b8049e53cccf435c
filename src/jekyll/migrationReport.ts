import { NAV_SOURCES, type NavSource } from './navSources.ts';

interface FileReport {
  converted: Map<string, number>;
  notConverted: { line?: number; text: string }[];
}

/**
 * What bringing the guide over did, file by file: what was converted (and how often) and what
 * was not (an unknown Liquid tag, a plugin's tag, a layout key, an HTML page template), so the
 * editor knows what to check by eye. Filled while loading and while rendering.
 */
export class MigrationReport {
  private readonly files = new Map<string, FileReport>();
  private readonly site: string[] = [];
  readonly totals = { pages: 0, redirectTo: 0, redirectFrom: 0, staticFiles: 0 };
  placedBy = new Map<string, NavSource>();

  private of(file: string): FileReport {
    let report = this.files.get(file);
    if (!report) {
      report = { converted: new Map(), notConverted: [] };
      this.files.set(file, report);
    }
    return report;
  }

  /** Something converted (counted: "task list item" x 3). */
  converted(file: string, what: string): void {
    const report = this.of(file);
    report.converted.set(what, (report.converted.get(what) ?? 0) + 1);
  }

  notConverted(file: string, text: string, line?: number): void {
    const report = this.of(file);
    if (!report.notConverted.some((n) => n.text === text && n.line === line)) report.notConverted.push({ line, text });
  }

  siteNote(text: string): void {
    if (!this.site.includes(text)) this.site.push(text);
  }

  /** Notes found while rendering are dropped when the site is loaded again (dev server). */
  clearRenderNotes(files: Iterable<string>): void {
    for (const file of files) this.files.delete(file);
  }

  /** Pages each source placed; `none` counts pages at the top by default (the home page aside). */
  placementCounts(): Record<NavSource | 'none', number> {
    const counts = Object.fromEntries(NAV_SOURCES.map((s) => [s, 0])) as Record<NavSource | 'none', number>;
    for (const source of this.placedBy.values()) counts[source]++;
    counts.none = Math.max(0, this.totals.pages - (this.hasHome ? 1 : 0) - this.placedBy.size);
    return counts;
  }

  hasHome = false;

  format(title: string): string {
    const lines: string[] = [`Jekyll guide: ${title}`];
    const t = this.totals;
    lines.push(
      `  ${t.pages} pages built, ${t.staticFiles} files copied, ${t.redirectTo} pages turned into redirects (redirect_to), ${t.redirectFrom} old addresses redirected (redirect_from).`,
    );
    const counts = this.placementCounts();
    lines.push(
      `  The tree: ${Object.entries(counts)
        .map(([source, count]) => (source === 'none' ? `${count} at the top level by default` : `${count} placed by ${source}`))
        .join(', ')}.`,
    );
    if (counts.parent < t.pages && t.pages > 0) {
      lines.push('  To keep the tree in `parent` alone, give each page placed by another source a `parent:` line.');
    }
    for (const note of this.site) lines.push(`  ${note}`);
    for (const [file, report] of [...this.files].sort(([a], [b]) => a.localeCompare(b))) {
      if (report.converted.size === 0 && report.notConverted.length === 0) continue;
      lines.push(file);
      if (report.converted.size > 0) {
        lines.push(`  converted: ${[...report.converted].map(([what, n]) => (n > 1 ? `${what} (${n})` : what)).join(', ')}`);
      }
      for (const note of report.notConverted.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
        lines.push(`  not converted${note.line === undefined ? '' : ` (line ${note.line})`}: ${note.text}`);
      }
    }
    return lines.join('\n');
  }
}
