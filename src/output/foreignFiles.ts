// Files in an output folder that this generator did not write: it never deletes them, so a
// build refuses the folder instead. A finished build lists its files in its marker, so files
// added later are known as someone else's.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { OUTPUT_MARKER } from './buildsFolder.ts';

const MARKER_TEXT = 'Written by the guidebook generator; the next build replaces this folder.\n';
/** The marker of a finished build lists its files after this line. */
const FILE_LIST_HEADING = 'Its files:\n';

/** The marker of a finished build: its text, then every file of the build. */
export function markerWithFileList(build: string): string {
  return `${MARKER_TEXT}${FILE_LIST_HEADING}${filesUnder(build).join('\n')}\n`;
}

/** The files a finished build listed in its marker, or undefined when it lists none (an older build, the dev server's). */
function listedFiles(folder: string): Set<string> | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(folder, OUTPUT_MARKER), 'utf8');
  } catch {
    return undefined;
  }
  const at = text.indexOf(FILE_LIST_HEADING);
  if (at < 0) return undefined;
  return new Set(text.slice(at + FILE_LIST_HEADING.length).split('\n').filter(Boolean));
}

/** Every file under `folder` but the marker, as `/`-separated paths relative to it. */
function filesUnder(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const relative = path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (relative !== OUTPUT_MARKER) files.push(relative);
  }
  return files.sort();
}

/**
 * What in a folder this generator did not write, as the shortest paths that name it (`.git`, not
 * every file below it). A finished build lists its files; a folder without the list (written
 * before builds listed their files, or by the dev server) is judged by name: builds write no
 * dot file but the marker, and no top-level file without an extension but `_headers` and
 * `_redirects`, unless the content folder's top level has a file of that name (a Jekyll guide's
 * `CNAME` is copied as it is).
 */
export function filesNotOurs(folder: string, inputDir?: string): string[] {
  const listed = listedFiles(folder);
  const found: string[] = [];
  if (listed) {
    const listedFolders = new Set<string>();
    for (const file of listed) {
      for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) listedFolders.add(dir);
    }
    const walk = (relative: string) => {
      for (const entry of readdirSync(path.join(folder, relative), { withFileTypes: true })) {
        const child = relative ? `${relative}/${entry.name}` : entry.name;
        if (child === OUTPUT_MARKER) continue;
        if (entry.isDirectory()) {
          if (listedFolders.has(child)) walk(child);
          else found.push(child);
        } else if (!listed.has(child)) {
          found.push(child);
        }
      }
    };
    walk('');
    return found;
  }
  const inInput = (name: string) => inputDir !== undefined && existsSync(path.join(inputDir, name));
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const name = entry.name;
    if (name === OUTPUT_MARKER || name.startsWith('.staging-')) continue;
    if (name.startsWith('.') && !inInput(name)) found.push(name);
    else if (!entry.isDirectory() && path.extname(name) === '' && !['_headers', '_redirects'].includes(name) && !inInput(name)) found.push(name);
  }
  return found.sort();
}

/** "a", "a and b", "a, b and c". */
export function listed(names: readonly string[]): string {
  const shown = names.length > 6 ? [...names.slice(0, 5), `${names.length - 5} more`] : names;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

export function notOursReason(outputDir: string, names: readonly string[]): string {
  return `the output folder ${outputDir} holds ${listed(names)}, which this generator did not write; it never deletes them. Choose another --output, or move them.`;
}
