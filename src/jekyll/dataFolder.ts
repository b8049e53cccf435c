import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { walkInside } from '../security/symlinks.ts';
import type { ContentProblem } from '../content/errors.ts';
import { loadTolerantYaml, yamlErrorInfo } from './tolerantYaml.ts';

/** One row a line, the first line naming the columns; quoted fields may hold the separator. */
export function parseDelimited(text: string, separator: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.some((cell) => cell !== ''));
  if (!header) return [];
  return body.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])));
}

/**
 * `site.data`: every YAML, JSON, CSV and TSV file under `_data/`, by name (folders nest), as
 * Jekyll reads them. A file that does not parse is an error naming it. Symbolic links are
 * followed only inside the site (`rootDir`, src/security/symlinks.ts): no data comes from outside it.
 */
export function readDataFolder(dataDir: string, shownDir: string, rootDir: string = path.dirname(dataDir)): { data: Record<string, unknown>; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const data: Record<string, unknown> = {};
  if (!existsSync(dataDir)) return { data, problems };
  walkInside<Record<string, unknown>>(dataDir, {
    rootDir,
    state: data,
    enter: (folder, parent) => {
      if (folder.name.startsWith('.')) return undefined;
      const nested: Record<string, unknown> = {};
      parent[folder.name] = nested;
      return nested;
    },
    file: (file, result) => {
      if (file.name.startsWith('.')) return;
      const ext = path.extname(file.name).toLowerCase();
      const name = file.name.slice(0, file.name.length - ext.length);
      const text = () => readFileSync(file.absolute, 'utf8');
      try {
        if (ext === '.yml' || ext === '.yaml') result[name] = loadTolerantYaml(text());
        else if (ext === '.json') result[name] = JSON.parse(text());
        else if (ext === '.csv') result[name] = parseDelimited(text(), ',');
        else if (ext === '.tsv') result[name] = parseDelimited(text(), '\t');
      } catch (error) {
        const info = yamlErrorInfo(error);
        problems.push({ severity: 'error', file: `${shownDir}/${file.relative}`, line: info.line, message: `data file does not parse: ${info.reason}.` });
      }
    },
  });
  return { data, problems };
}
