import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outputPathOf, pageUrl } from '../../src/content/pageUrl.ts';

describe('pageUrl', () => {
  it('gives the URL Eleventy gives a Markdown file', () => {
    assert.equal(pageUrl('index.md', undefined), '/');
    assert.equal(pageUrl('security/index.md', undefined), '/security/');
    assert.equal(pageUrl('security/frameworks.md', undefined), '/security/frameworks/');
    assert.equal(pageUrl('a/b/c/deep-page.md', undefined), '/a/b/c/deep-page/');
    assert.equal(pageUrl('café/über.md', undefined), '/café/über/');
  });

  it('uses a permalink as written, made absolute, and false for a page not written', () => {
    assert.equal(pageUrl('old.md', '/new/place/'), '/new/place/');
    assert.equal(pageUrl('old.md', 'new/place/'), '/new/place/');
    assert.equal(pageUrl('old.md', '  /spaced/  '), '/spaced/');
    assert.equal(pageUrl('old.md', '/feed.xml'), '/feed.xml');
    assert.equal(pageUrl('old.md', false), false);
    assert.equal(pageUrl('old.md', ''), '/old/', 'an empty permalink is no permalink');
  });
});

describe('outputPathOf', () => {
  it('names the file an URL is written to', () => {
    assert.equal(outputPathOf('/'), 'index.html');
    assert.equal(outputPathOf('/security/'), 'security/index.html');
    assert.equal(outputPathOf('/feed.xml'), 'feed.xml');
    assert.equal(outputPathOf('/caf%C3%A9/'), 'café/index.html');
    assert.equal(outputPathOf('/bad%E0%A4%A/'), 'bad%E0%A4%A/index.html', 'a broken escape is kept as written');
  });
});
