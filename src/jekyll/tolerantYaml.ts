import { DEFAULT_SCHEMA, load, Type } from 'js-yaml';

/** js-yaml's error, as far as we read it. */
export interface YamlErrorInfo {
  reason: string;
  /** 1-based line in the text, when known. */
  line?: number;
}

// A local tag (`!ruby/object:Foo`, `!!ruby/sym`…) written by Ruby's YAML: it names a Ruby class.
const LOCAL_TAG = /(?:^|[\s[{,:-])(!{1,2}[\w/.:-]+)/g;

/**
 * YAML as Ruby's Psych reads it, as far as a static site needs: Ruby symbols (`style:
 * :compressed`) are plain strings already; tags naming Ruby classes (`!ruby/regexp /x/`) are
 * read as the plain value under them instead of failing the whole file.
 */
export function loadTolerantYaml(text: string): unknown {
  const tags = new Set<string>();
  for (const match of text.matchAll(LOCAL_TAG)) {
    const tag = match[1]!;
    if (!['!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq', '!!binary', '!!timestamp', '!!set', '!!omap', '!!pairs', '!!merge'].includes(tag)) tags.add(tag);
  }
  if (tags.size === 0) return load(text);
  const types: Type[] = [];
  for (const written of tags) {
    // `!!x` is shorthand for `tag:yaml.org,2002:x`.
    const tag = written.startsWith('!!') ? `tag:yaml.org,2002:${written.slice(2)}` : written;
    types.push(
      new Type(tag, { kind: 'scalar', construct: (data: unknown) => data }),
      new Type(tag, { kind: 'sequence', construct: (data: unknown) => data }),
      new Type(tag, { kind: 'mapping', construct: (data: unknown) => data }),
    );
  }
  return load(text, { schema: DEFAULT_SCHEMA.extend(types) });
}

export function yamlErrorInfo(error: unknown): YamlErrorInfo {
  const yamlError = error as { name?: string; reason?: string; mark?: { line?: number }; message?: string };
  return {
    reason: yamlError?.reason ?? yamlError?.message ?? String(error),
    line: typeof yamlError?.mark?.line === 'number' ? yamlError.mark.line + 1 : undefined,
  };
}
