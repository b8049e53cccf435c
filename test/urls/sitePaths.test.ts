import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeURIComponentSafe, normalizePathPrefix, pathPrefixer, prefixHtmlUrls, withoutPathPrefix, withPathPrefix } from '../../src/urls/sitePaths.ts';

describe('normalizePathPrefix', () => {
  it('makes a prefix start and end with a slash', () => {
    assert.equal(normalizePathPrefix(''), '/');
    assert.equal(normalizePathPrefix('/'), '/');
    assert.equal(normalizePathPrefix('preview/branch'), '/preview/branch/');
    assert.equal(normalizePathPrefix('/preview/branch/'), '/preview/branch/');
  });
});

describe('withPathPrefix', () => {
  it('puts the prefix before site-absolute URLs only', () => {
    const p = pathPrefixer('/preview/branch/');
    assert.equal(p('/'), '/preview/branch/');
    assert.equal(p('/security/'), '/preview/branch/security/');
    assert.equal(p('https://example.org/'), 'https://example.org/');
    assert.equal(p('//example.org/x'), '//example.org/x');
    assert.equal(p('../x/'), '../x/');
    assert.equal(p('#part'), '#part');
    assert.equal(withPathPrefix('/security/', '/'), '/security/');
  });

  it('prefixes href and src of raw HTML the same way', () => {
    assert.equal(
      prefixHtmlUrls('<a href="/a/">a</a><img src=\'/i.png\'><a href="//x.org/">x</a><a href="b/">b</a>', '/p/'),
      '<a href="/p/a/">a</a><img src=\'/p/i.png\'><a href="//x.org/">x</a><a href="b/">b</a>',
    );
    assert.equal(prefixHtmlUrls('<a href="/a/">a</a>', '/'), '<a href="/a/">a</a>');
  });
});

describe('withoutPathPrefix', () => {
  it('gives the site path of a URL under the prefix, and nothing for one outside it', () => {
    assert.equal(withoutPathPrefix('/preview/x/security/', '/preview/x/'), '/security/');
    assert.equal(withoutPathPrefix('/preview/x/', '/preview/x/'), '/');
    assert.equal(withoutPathPrefix('/elsewhere/', '/preview/x/'), undefined);
    assert.equal(withoutPathPrefix('/security/', '/'), '/security/');
    const prefix = '/p/';
    for (const sitePath of ['/', '/a/', '/a/b.png']) assert.equal(withoutPathPrefix(withPathPrefix(sitePath, prefix), prefix), sitePath);
  });
});

describe('decodeURIComponentSafe', () => {
  it('decodes escapes and leaves a malformed one as written', () => {
    assert.equal(decodeURIComponentSafe('%C3%BCber'), 'über');
    assert.equal(decodeURIComponentSafe('%zz'), '%zz');
    assert.equal(decodeURIComponentSafe('plain'), 'plain');
  });
});
