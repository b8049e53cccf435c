import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Folders never read as content: dot folders, `node_modules`, and `_`-folders (`_site`,
 * `_includes`, `_data`…), which hold things other than pages. The Eleventy config ignores the same.
 */
export function isIgnoredFolder(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name === 'node_modules';
}

/** Every Markdown file under `dir`, as paths relative to it with `/`, sorted. */
export function findContentFiles(dir: string, skipDirs: readonly string[] = []): string[] {
  const found: string[] = [];
  const skip = new Set(skipDirs.map((d) => path.resolve(d)));
  const walk = (absolute: string, relative: string) => {
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const childAbsolute = path.join(absolute, entry.name);
      const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!isIgnoredFolder(entry.name) && !skip.has(childAbsolute)) walk(childAbsolute, childRelative);
      } else if (entry.isFile() && entry.name.endsWith('.md')) {
        found.push(childRelative);
      }
    }
  };
  walk(path.resolve(dir), '');
  return found.sort();
}
