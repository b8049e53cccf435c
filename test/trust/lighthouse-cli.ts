// `npm run lighthouse [-- --input=DIR --page=/path/]`: builds the site, serves it on 127.0.0.1
// and prints Lighthouse's four scores for one page (the seed page by default).
import { parseArgs } from 'node:util';
import path from 'node:path';
import { buildSite, projectRoot } from '../helpers/run.ts';
import { serveStatic } from '../helpers/staticServer.ts';
import { runLighthouse } from './lighthouse.ts';

const { values } = parseArgs({ options: { input: { type: 'string', default: 'content' }, page: { type: 'string', default: '/security/frameworks/' } } });
const build = await buildSite(path.resolve(projectRoot, values.input));
if (build.code !== 0) {
  console.error(build.stderr);
  process.exit(1);
}
const server = await serveStatic(build.outputDir);
try {
  const started = performance.now();
  const report = await runLighthouse(server.url + values.page.replace(/^\//, ''));
  for (const [category, score] of Object.entries(report.scores)) console.log(`${category.padEnd(15)} ${score}`);
  for (const line of report.failing) console.log(`  lost points: ${line}`);
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
} finally {
  await server.close();
}
