// Summarises a V8 CPU profile (`node --cpu-prof`) into where the time went:
//   node --import tsx bench/profile.ts FILE.cpuprofile [--top 25]
// Self time by function and by package/folder, and total (inclusive) time of our own functions.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { projectRoot } from './adapters.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a script lives, as a reader of the profile thinks of it: a package, or our folder. */
export function areaOf(url: string): string {
  if (!url) return '(native / idle / gc)';
  // The innermost package: Eleventy's own copy of markdown-it counts as markdown-it.
  const pkg = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].pop();
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node core';
  const path = url.replace(/^file:\/\//, '').replace(/\?.*$/, '');
  if (!path.startsWith(`${projectRoot}/`)) return path;
  const relative = path.slice(projectRoot.length + 1);
  // src/<capability>, layouts, bench, .eleventy.ts
  return relative.startsWith('src/') ? relative.split('/').slice(0, 2).join('/') : relative.split('/')[0]!;
}

export interface ProfileSummary {
  totalMs: number;
  selfByFunction: { name: string; ms: number }[];
  selfByArea: { area: string; ms: number }[];
  /** Inclusive time of functions in our own code (src/, layouts/, .eleventy.ts). */
  totalByOurFunction: { name: string; ms: number }[];
}

export function summarise(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

  const label = (n: ProfileNode) => {
    const file = n.callFrame.url.replace(/^file:\/\//, '').replace(/\?.*$/, '').replace(`${projectRoot}/`, '').replace(/.*\/(node_modules\/)/, '$1');
    return `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
  };
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  const selfByFunction = new Map<string, number>();
  const selfByArea = new Map<string, number>();
  const totalByOurs = new Map<string, number>();
  const isOurs = (n: ProfileNode) => ['src', 'layouts', '.eleventy.ts'].some((a) => areaOf(n.callFrame.url).startsWith(a));
  let totalMs = 0;
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    totalMs += ms;
    add(selfByFunction, label(node), ms);
    add(selfByArea, areaOf(node.callFrame.url), ms);
    // Inclusive: each of our functions on the stack once (recursion counted once).
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!;
      if (!isOurs(frame)) continue;
      const key = label(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      add(totalByOurs, key, ms);
    }
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return {
    totalMs,
    selfByFunction: sorted(selfByFunction).map(([name, ms]) => ({ name, ms })),
    selfByArea: sorted(selfByArea).map(([area, ms]) => ({ area, ms })),
    totalByOurFunction: sorted(totalByOurs).map(([name, ms]) => ({ name, ms })),
  };
}

function main() {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: { top: { type: 'string', default: '25' } }, allowPositionals: true });
  const top = Number(values.top);
  for (const file of positionals) {
    const s = summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
    const pct = (ms: number) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / s.totalMs).toFixed(1).padStart(5)}%`;
    console.log(`# ${file}: ${s.totalMs.toFixed(0)} ms sampled`);
    console.log('\n## Self time by package / folder');
    for (const a of s.selfByArea.slice(0, top)) console.log(`${pct(a.ms)}  ${a.area}`);
    console.log('\n## Self time by function');
    for (const f of s.selfByFunction.slice(0, top)) console.log(`${pct(f.ms)}  ${f.name}`);
    console.log('\n## Total time of our functions (inclusive)');
    for (const f of s.totalByOurFunction.slice(0, top)) console.log(`${pct(f.ms)}  ${f.name}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Piped into `head`: stop quietly when the reader has seen enough.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main();
}
