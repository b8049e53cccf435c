import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outputPathOf, pageUrl, permalinkFault, servedUrlKey } from '../../src/content/pageUrl.ts';

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

  it('gives a permalink in Unicode NFC however it was typed', () => {
    assert.equal(pageUrl('old.md', '/cafe\u0301/'), '/caf\u00e9/');
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

describe('permalinkFault', () => {
  // Each permalink an editor (or a stranger's pull request) could write, and what it is.
  const hostile: [permalink: string, kind: 'offSite' | 'unsafe' | 'ambiguous', says: RegExp][] = [
    ['/x/../assets/site.css', 'ambiguous', /a `\.\.` segment/],
    ['/./assets/site.css', 'ambiguous', /a `\.` segment/],
    ['a/./b/', 'ambiguous', /a `\.` segment/],
    ['/../../outside/', 'ambiguous', /the folder above/],
    ['/docs/..', 'ambiguous', /`\.\.`/],
    ['..', 'ambiguous', /`\.\.`/],
    ['/a//b/', 'ambiguous', /has `\/\/`/],
    ['/a//', 'ambiguous', /has `\/\/`/],
    ['//assets/site.css', 'offSite', /starts with `\/\/`/],
    ['//evil.example/', 'offSite', /another site's host/],
    ['  //evil.example/  ', 'offSite', /another site's host/],
    ['https://evil.example/', 'offSite', /a scheme \(`https:`\)/],
    ['javascript:alert(1)', 'offSite', /a scheme \(`javascript:`\)/],
    ['JavaScript:alert(1)', 'offSite', /scheme/],
    ['mailto:someone@example.com', 'offSite', /scheme/],
    ['/\\evil.example/', 'unsafe', /a back slash/],
    ['\\\\evil.example\\', 'unsafe', /a back slash/],
    ['/a\\..\\assets/', 'unsafe', /a back slash/],
    ['/\t/evil.example/', 'unsafe', /a control character/],
    ['/a\n/b/', 'unsafe', /a control character/],
    ['/a\u0000/', 'unsafe', /a control character/],
  ];
  for (const [permalink, kind, says] of hostile) {
    it(`refuses ${JSON.stringify(permalink)} (${kind})`, () => {
      const fault = permalinkFault(permalink);
      assert.ok(fault, 'a fault');
      assert.equal(fault.kind, kind);
      assert.match(fault.message, says);
      assert.ok(fault.hint.length > 0, 'a hint');
    });
  }

  it('accepts plain and odd but harmless paths', () => {
    for (const permalink of ['/', '/security/', 'security/frameworks/', '/feed.xml', '/a.b/c/', '/...x/', '/evil.example/', '@evil.example/', '/https:/x/', '/café/', '/a b/', '/v1.2/']) {
      assert.equal(permalinkFault(permalink), undefined, permalink);
    }
  });
});

describe('servedUrlKey', () => {
  it('names one key for the URLs a static server maps to one file', () => {
    const same = (a: string, b: string) => assert.equal(servedUrlKey(a), servedUrlKey(b), `${a} and ${b}`);
    same('/a', '/a/');
    same('/a/', '/a/index.html');
    same('/Guide/', '/guide/');
    same('/caf%C3%A9/', '/café/');
    same('/cafe\u0301/', '/caf\u00e9/');
    same('/ASSETS/Site.CSS', '/assets/site.css');
    assert.notEqual(servedUrlKey('/a/'), servedUrlKey('/b/'));
    assert.notEqual(servedUrlKey('/a.html'), servedUrlKey('/a/'));
  });
});

describe('outputPathOf never leaves the output folder', () => {
  it('drops `.` and `..` however they are spelled', () => {
    assert.equal(outputPathOf('/../../etc/x/'), 'etc/x/index.html');
    assert.equal(outputPathOf('/%2e%2e/%2E%2E/x.html'), 'x.html');
    assert.equal(outputPathOf('/a/..%2f..%2fb/'), 'a/b/index.html');
    assert.equal(outputPathOf('/..\\..\\x/'), 'x/index.html');
    assert.equal(outputPathOf('/./a/./'), 'a/index.html');
  });
});
