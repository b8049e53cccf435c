/**
 * Where each line of a Liquid page's output came from, so that a broken link found in the
 * rendered Markdown is reported on the line the editor wrote it. The output is built from the
 * page's top-level Liquid nodes in order: text between tags is copied (its lines map one to one),
 * while a tag's output (an include, an `if`, a captured and filtered text) maps to the source
 * line holding the same text when there is one inside the tag, else to the tag's first line.
 */
export interface RenderedPart {
  /** What the node rendered. */
  text: string;
  /** Offsets of the node in the source: from its start to the start of the next node. */
  begin: number;
  end: number;
  /** Text copied from the source as it is (between tags), possibly with whitespace trimmed. */
  verbatim: boolean;
}

export interface MappedText {
  text: string;
  /** 1-based source line (relative to the start of the source) of each output line: `lines[n - 1]`. */
  lines: number[];
}

export function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 1-based line of an offset, by binary search over the line starts. */
export function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/**
 * Whether an output line is what a source line became: its text outside Liquid markup appears
 * in the output line in order (`See [x]({{ u | relative_url }})` -> `See [x](/guide/u)`).
 */
export function producedBy(sourceLine: string, outputLine: string): boolean {
  if (sourceLine === outputLine) return true;
  const fragments = sourceLine.split(/\{\{.*?\}\}|\{%.*?%\}/).filter((f) => f !== '');
  if (fragments.join('').trim().length < 3) return false;
  let at = 0;
  for (const [index, fragment] of fragments.entries()) {
    const found = outputLine.indexOf(fragment, at);
    if (found < 0 || (index === 0 && found !== 0 && !/^\{[{%]/.test(sourceLine))) return false;
    at = found + fragment.length;
  }
  return true;
}

export function joinWithLineMap(source: string, parts: readonly RenderedPart[]): MappedText {
  const starts = lineStarts(source);
  const sourceLines = source.split('\n').map((l) => l.trim());
  const lines: number[] = [1];
  let text = '';
  // Whether the output line being written has content yet (until it has, its source may move).
  let lineHasContent = false;

  for (const part of parts) {
    if (part.text === '') continue;
    const segments = part.text.split('\n');
    let segmentLines: number[];
    if (part.verbatim) {
      const at = source.slice(part.begin, part.end).indexOf(part.text);
      const first = lineAt(starts, part.begin + Math.max(0, at));
      segmentLines = segments.map((_, k) => first + k);
    } else {
      const firstLine = lineAt(starts, part.begin);
      const lastLine = lineAt(starts, Math.max(part.begin, part.end - 1));
      let cursor = firstLine;
      segmentLines = segments.map((segment) => {
        const wanted = segment.trim();
        if (wanted !== '') {
          for (const matches of [(a: string, b: string) => a === b, producedBy]) {
            for (let line = cursor; line <= lastLine; line++) {
              if (matches(sourceLines[line - 1]!, wanted)) {
                cursor = line;
                return line;
              }
            }
          }
        }
        return cursor;
      });
    }
    segments.forEach((segment, k) => {
      if (k > 0) {
        lines.push(segmentLines[k]!);
        lineHasContent = false;
      }
      if (segment !== '' && !lineHasContent) {
        lines[lines.length - 1] = segmentLines[k]!;
        lineHasContent = true;
      }
    });
    text += part.text;
  }
  return { text, lines };
}
