import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostileUrlProblem } from '../../src/devserver/devServerOptions.ts';

describe('hostileUrlProblem', () => {
  it('lets through every path a browser asks for on the site', () => {
    for (const url of ['/', '/guide/checklist/', '/a%20b/', '/caf%C3%A9/', '/search/?q=%zz&r=../x', '/.11ty/reload-client.js', '/assets/site.css?v=1#top', '//etc/passwd']) {
      assert.equal(hostileUrlProblem(url), undefined, url);
    }
  });

  it('names what is wrong with a path that cannot or must not map to a file', () => {
    const cases: [string, RegExp][] = [
      ['/%zz', /malformed %-escape/],
      ['/%E0%A4%A', /malformed %-escape/],
      ['/..%2fx', /\.\. segment/],
      ['/%2e%2e/%2e%2e/etc/passwd', /\.\. segment/],
      ['/a/./b', /\. or \.\. segment/],
      ['/x%00.html', /control character/],
      ['/a%0d%0aSet-Cookie:x', /control character/],
      ['/..\\x', /backslash/],
      ['/..%5cx', /backslash/],
      ['http://127.0.0.1/', /must start with \//],
      ['*', /must start with \//],
    ];
    for (const [url, problem] of cases) assert.match(hostileUrlProblem(url) ?? 'none', problem, url);
  });
});
