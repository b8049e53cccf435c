import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
 * Jekyll reads them. A file that does not parse is an error naming it.
 */
export function readDataFolder(dataDir: string, shownDir: string): { data: Record<string, unknown>; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const read = (absolute: string, shown: string): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const childAbsolute = path.join(absolute, entry.name);
      const childShown = `${shown}/${entry.name}`;
      if (entry.isDirectory()) {
        result[entry.name] = read(childAbsolute, childShown);
        continue;
      }
      const ext = path.extname(entry.name).toLowerCase();
      const name = entry.name.slice(0, entry.name.length - ext.length);
      const text = () => readFileSync(childAbsolute, 'utf8');
      try {
        if (ext === '.yml' || ext === '.yaml') result[name] = loadTolerantYaml(text());
        else if (ext === '.json') result[name] = JSON.parse(text());
        else if (ext === '.csv') result[name] = parseDelimited(text(), ',');
        else if (ext === '.tsv') result[name] = parseDelimited(text(), '\t');
      } catch (error) {
        const info = yamlErrorInfo(error);
        problems.push({ severity: 'error', file: childShown, line: info.line, message: `data file does not parse: ${info.reason}.` });
      }
    }
    return result;
  };
  return { data: existsSync(dataDir) ? read(dataDir, shownDir) : {}, problems };
}
