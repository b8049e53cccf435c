import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { normalizePathPrefix, prefixHtmlUrls, withPathPrefix } from '../urls/sitePaths.ts';
import { attrText } from './tokenText.ts';

/** Where a link or image keeps the URL the editor wrote once the prefix changed it. */
const WRITTEN_URL = 'guidebookWrittenUrl';

/**
 * Site-absolute links and images (`/security/`) get the path prefix the site is served under
 * (`/preview/x/security/`), and so do `href` and `src` values in raw HTML; relative links,
 * other sites' and fragments stay as written (src/urls/sitePaths.ts). Under `/` nothing changes.
 * A URL changed here keeps the written one beside it (`writtenUrl`), for the page facts: the
 * link check reports links as the editor wrote them.
 */
export function pathPrefixPlugin(pathPrefix: string): (md: MarkdownIt) => void {
  const prefix = normalizePathPrefix(pathPrefix);
  return (md) => {
    if (prefix === '/') return;
    md.core.ruler.push('guidebook_path_prefix', (state) => prefixLinks(state, prefix));
    // Raw HTML stays as written in its token; its URLs are prefixed as it renders.
    for (const rule of ['html_block', 'html_inline'] as const) {
      const original = md.renderer.rules[rule]!;
      md.renderer.rules[rule] = (tokens, idx, opts, env, self) => prefixHtmlUrls(original(tokens, idx, opts, env, self), prefix);
    }
  };
}

function prefixLinks(state: StateCore, prefix: string): void {
  for (const token of state.tokens) {
    if (token.type !== 'inline') continue;
    for (const child of token.children ?? []) {
      const name = urlAttribute(child);
      const written = name && attrText(child, name);
      if (!name || written === undefined) continue;
      const prefixed = withPathPrefix(written, prefix);
      if (prefixed === written) continue;
      child.meta = { ...(child.meta as object | null), [WRITTEN_URL]: written };
      child.attrSet(name, prefixed);
    }
  }
}

function urlAttribute(token: Token): 'href' | 'src' | undefined {
  return token.type === 'link_open' ? 'href' : token.type === 'image' ? 'src' : undefined;
}

/** A link's `href` or an image's `src` as the editor wrote it, before the path prefix. */
export function writtenUrl(token: Token): string | undefined {
  const name = urlAttribute(token);
  if (!name) return undefined;
  return (token.meta as Record<string, string | undefined> | null)?.[WRITTEN_URL] ?? attrText(token, name);
}
