// Jekyll mode follows Jekyll's URL rules where they are only a tolerance (`..`, `.` and `//` are
// dropped, with a warning) and refuses what would link off-site or write outside the output.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { frontMatterUrl, jekyllPermalinkProblems, normalizePageUrl } from '../../src/jekyll/jekyllUrls.ts';
import { redirectsOf } from '../../src/jekyll/redirects.ts';

const values = { collection: '', path: 'guide', name: 'guide', title: 'Guide', outputExt: '.html' };

function pageWith(permalink: string) {
  return { file: 'guide.md', url: frontMatterUrl(permalink, values), data: { permalink }, keyLines: new Map([['permalink', 3]]) };
}

describe('Jekyll permalinks', () => {
  it('drops `.` and `..` segments and doubled slashes, as Jekyll does, never following them', () => {
    assert.equal(normalizePageUrl('/x/../assets/site.css'), '/x/assets/site.css');
    assert.equal(normalizePageUrl('/./a/./b/'), '/a/b/');
    assert.equal(normalizePageUrl('/../../../outside/'), '/outside/');
    assert.equal(normalizePageUrl('//evil.example/'), '/evil.example/');
    assert.equal(normalizePageUrl('/docs/..'), '/docs/');
    assert.equal(normalizePageUrl('/cafe\u0301/'), '/caf\u00e9/');
  });

  it('warns where Jekyll only tolerates the permalink, naming the URL it gives', () => {
    for (const permalink of ['/x/../guide/', '/./guide/', '/a//guide/']) {
      const [problem, ...more] = jekyllPermalinkProblems([pageWith(permalink)]);
      assert.equal(more.length, 0, permalink);
      assert.equal(problem?.severity, 'warning', permalink);
      assert.equal(problem?.line, 3);
      assert.match(problem.message, /which Jekyll drops: the page is published at \//, permalink);
    }
  });

  it('refuses a permalink that would send readers to another site, also spelled with escapes', () => {
    const refused: [string, RegExp][] = [
      ['//evil.example/', /another site's host/],
      ['https://evil.example/', /scheme \(`https:`\)/],
      ['javascript:alert(1)', /scheme \(`javascript:`\)/],
      ['/\\evil.example/', /back slash/],
      ['/%5cevil.example/', /back slash.*once its `%` escapes are decoded/],
      ['/%2e%2e/%2e%2e/outside/', /`\.\.` segment.*once its `%` escapes are decoded/],
      ['/%2F%2Fevil.example/', /`\/\/`.*once its `%` escapes are decoded/],
      ['/a%09/b/', /control character/],
    ];
    for (const [permalink, says] of refused) {
      const problems = jekyllPermalinkProblems([pageWith(permalink)]);
      assert.equal(problems.length, 1, permalink);
      assert.equal(problems[0]!.severity, 'error', permalink);
      assert.equal(problems[0]!.line, 3);
      assert.match(problems[0]!.message, says, permalink);
    }
  });

  it('leaves plain permalinks and placeholders alone', () => {
    for (const permalink of ['/guide/', '/:path/', '/:collection/:name:output_ext', 'guide.html', '/v1.2/']) {
      assert.deepEqual(jekyllPermalinkProblems([pageWith(permalink)]), [], permalink);
    }
  });
});

describe('Jekyll redirects', () => {
  const page = (data: Record<string, unknown>) => ({ file: 'moved.md', url: '/moved/', data, keyLines: new Map([['redirect_from', 4], ['redirect_to', 5]]) });

  it('writes a redirect_from stub inside the site whatever the old path says', () => {
    const { redirects, problems } = redirectsOf(page({ redirect_from: ['/../../etc/old/', '/a/./b/'] }), '');
    assert.deepEqual(problems, []);
    assert.deepEqual(redirects.map((r) => r.url), ['/etc/old/', '/a/b/']);
  });

  it('refuses a redirect_from off-site or with a back slash, at its line', () => {
    for (const old of ['//evil.example/', 'https://evil.example/old/', '/\\evil.example/', '/%5Cevil/']) {
      const { redirects, problems } = redirectsOf(page({ redirect_from: old }), '');
      assert.equal(redirects.length, 0, old);
      assert.equal(problems[0]?.severity, 'error', old);
      assert.equal(problems[0]?.line, 4);
      assert.match(problems[0].message, /^`redirect_from`: /);
    }
  });

  it('lets redirect_to lead to another site over https, never to a script', () => {
    assert.equal(redirectsOf(page({ redirect_to: 'https://example.org/new/' }), '').redirects[0]?.target, 'https://example.org/new/');
    for (const target of ['javascript:alert(1)', 'data:text/html,hi', '/\\evil.example/']) {
      const { redirects, problems } = redirectsOf(page({ redirect_to: target }), '');
      assert.equal(redirects.length, 0, target);
      assert.equal(problems[0]?.severity, 'error', target);
      assert.equal(problems[0]?.line, 5);
    }
  });
});
