import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../helpers/run.ts';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../../src/security/contentSecurityPolicy.ts';
import { renderHeadersFile, renderNginxSnippet, SECURITY_HEADERS } from '../../src/security/responseHeaders.ts';

test('the policy forbids inline code and third-party origins', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name!, values] as const;
  }));
  assert.deepEqual(directives.get('default-src'), ["'none'"]);
  for (const [name, values] of directives) {
    for (const value of values) {
      assert.ok(["'self'", "'none'", 'data:'].includes(value), `${name} allows ${value}`);
      if (value === 'data:') assert.equal(name, 'img-src');
    }
  }
  assert.equal(CONTENT_SECURITY_POLICY_HEADER, `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
});

test('_headers (Netlify, Cloudflare Pages) sets every recommended header on every path', () => {
  const lines = renderHeadersFile().split('\n');
  assert.equal(lines[1], '/*');
  for (const name of ['Content-Security-Policy', 'Strict-Transport-Security', 'X-Content-Type-Options', 'Referrer-Policy', 'X-Frame-Options']) {
    const header = SECURITY_HEADERS.find((h) => h.name === name)!;
    assert.ok(lines.includes(`  ${name}: ${header.value}`), name);
  }
  assert.ok(lines.includes(`  Content-Security-Policy: ${CONTENT_SECURITY_POLICY_HEADER}`));
});

test('docs/nginx-security-headers.conf is the snippet the code generates (run `npm run nginx-headers -- --write`)', () => {
  const committed = readFileSync(path.join(projectRoot, 'docs', 'nginx-security-headers.conf'), 'utf8');
  assert.equal(committed, renderNginxSnippet());
  assert.match(committed, new RegExp(`add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY_HEADER}" always;`));
  assert.match(committed, /add_header Strict-Transport-Security "max-age=\d+; includeSubDomains" always;/);
});
