// `npm run nginx-headers`: prints the nginx snippet of response headers; `-- --write` updates
// the copy in docs/ (a test fails when that copy and the policy in src/security/ differ).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderNginxSnippet } from '../security/responseHeaders.ts';

const NGINX_SNIPPET_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'nginx-security-headers.conf');

if (process.argv.includes('--write')) {
  writeFileSync(NGINX_SNIPPET_PATH, renderNginxSnippet());
  console.log(`Wrote ${path.relative(process.cwd(), NGINX_SNIPPET_PATH)}.`);
} else {
  process.stdout.write(renderNginxSnippet());
}
