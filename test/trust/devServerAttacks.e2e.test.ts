// `npm start` on content from a stranger's pull request: the dev server is reachable from this
// machine only, and no request URL crashes it or reads a file outside the site.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pollPage, startDevServer, type DevServer } from '../helpers/devServer.ts';
import { fixturesDir, tempDir } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

const scratch = scratchFolders();
const SECRET = 'root:x:0:0:root:/root:/bin/bash';

interface RawResponse {
  status: number;
  text: string;
}

/** One request with the path written as-is (fetch and http.request would normalise or refuse it). */
function rawGet(host: string, port: number, rawPath: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const chunks: Buffer[] = [];
    socket.setTimeout(15_000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(rawPath.slice(0, 60))}`)));
    socket.on('connect', () => socket.write(Buffer.from(`GET ${rawPath} HTTP/1.1\r\nHost: ${host}:${port}\r\nConnection: close\r\n\r\n`, 'latin1')));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      if (!status) reject(new Error(`no HTTP response to ${JSON.stringify(rawPath.slice(0, 60))}: ${JSON.stringify(text.slice(0, 200))}`));
      else resolve({ status: Number(status[1]), text });
    });
  });
}

/** Whether a TCP connection to host:port is accepted (false when refused). */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(5_000, () => socket.destroy());
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(false));
  });
}

/** This machine's IPv4 addresses that are not loopback: what another machine would connect to. */
function otherAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;
}

/** The local addresses listening on `port`, from the kernel's socket tables (Linux), or undefined where there are none to read. */
function listeningAddresses(port: number): string[] | undefined {
  if (!existsSync('/proc/net/tcp')) return undefined;
  const addresses: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A') continue; // 0A: LISTEN
      const [hex, portHex] = local.split(':');
      if (Number.parseInt(portHex!, 16) !== port) continue;
      addresses.push(
        hex!.length === 8
          ? (hex!.match(/../g)!.reverse().map((byte) => Number.parseInt(byte, 16)).join('.'))
          : hex === '00000000000000000000000000000000'
            ? '::'
            : `ipv6:${hex}`,
      );
    }
  }
  return addresses;
}

describe('npm start against hostile requests', () => {
  let server: DevServer;
  let dir = '';
  before(async () => {
    dir = scratch.keep(tempDir());
    // A folder beside the site whose name starts with the site's: the dev server's own
    // "inside the output folder" test compares string prefixes.
    mkdirSync(path.join(dir, 'site-secret'));
    writeFileSync(path.join(dir, 'site-secret', 'passwd'), `${SECRET}\n`);
    server = await startDevServer(path.join(fixturesDir, 'good-site'), path.join(dir, 'site'));
    const home = await pollPage(server, '/', (html) => html.includes('</html>'));
    assert.match(home, /<\/html>/, `the dev server never served /:\n${server.stderr()}`);
  });
  after(() => {
    server?.child.kill();
    scratch.removeAll();
  });

  it('says where it really listens: 127.0.0.1, not localhost', () => {
    assert.match(server.stdout(), new RegExp(`^Server at http://127\\.0\\.0\\.1:${server.port}/$`, 'm'));
    assert.doesNotMatch(server.stdout() + server.stderr(), /Server at http:\/\/localhost/);
  });

  it('accepts on 127.0.0.1 and nowhere else', async () => {
    assert.equal(await accepts('127.0.0.1', server.port), true);
    const other = otherAddress();
    if (other) assert.equal(await accepts(other, server.port), false, `the dev server accepts connections on ${other}`);
    const listening = listeningAddresses(server.port);
    if (listening) assert.deepEqual(listening, ['127.0.0.1'], 'the addresses the kernel lists as listening on the port');
    assert.ok(other || listening, 'neither another address nor a socket table to check the binding with');
  });

  const hostilePaths: [string, string][] = [
    ['a malformed %-escape', '/%zz'],
    ['an encoded ../', '/..%2fx'],
    ['an encoded ../ into a folder beside the site', '/..%2fsite-secret%2fpasswd'],
    ['encoded ../ up to /etc', '/..%2f..%2fetc%2fpasswd'],
    ['%2e%2e segments', '/%2e%2e/%2e%2e/etc/passwd'],
    ['a network-path reference', '//etc/passwd'],
    ['a 10 KB path', `/${'a'.repeat(10 * 1024)}`],
    ['a NUL byte', '/\u0000'],
    ['an encoded NUL byte', '/index.html%00.md'],
    ['a backslash', '/..\\..\\etc\\passwd'],
    ['an encoded backslash', '/..%5c..%5cetc%5cpasswd'],
    ['a host it cannot parse', '//[/'],
    ['an absolute URL', 'http://127.0.0.1/..%2fsite-secret%2fpasswd'],
  ];
  for (const [name, rawPath] of hostilePaths) {
    it(`answers ${name} with 400 or 404 and goes on serving`, async () => {
      const response = await rawGet('127.0.0.1', server.port, rawPath);
      assert.ok(response.status === 400 || response.status === 404, `status ${response.status}:\n${response.text.slice(0, 300)}`);
      assert.doesNotMatch(response.text, /root:x:0:0/);
      const home = await rawGet('127.0.0.1', server.port, '/');
      assert.equal(home.status, 200, `after ${name}, / answered ${home.status}:\n${server.stderr()}`);
      assert.equal(server.child.exitCode, null, server.stderr());
    });
  }

  it('still serves the pages and files of the site', async () => {
    for (const url of ['/', '/tables/', '/search/', '/sitemap.xml', '/assets/site.css', '/no-such-page/']) {
      const response = await rawGet('127.0.0.1', server.port, url);
      assert.equal(response.status, url === '/no-such-page/' ? 404 : 200, `${url}: ${response.text.slice(0, 200)}`);
    }
  });
});

describe('npm start --host=ADDRESS', () => {
  const other = otherAddress();
  it('listens on that address instead, and says so', { skip: !other && 'this machine has no address but loopback' }, async () => {
    const dir = scratch.keep(tempDir());
    const server = await startDevServer(path.join(fixturesDir, 'good-site'), path.join(dir, 'site'), [`--host=${other}`]);
    try {
      const until = Date.now() + 60_000;
      while (!server.stdout().includes('Server at') && server.child.exitCode === null && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 250));
      assert.match(server.stdout(), new RegExp(`^Server at http://${other!.replaceAll('.', '\\.')}:${server.port}/$`, 'm'), server.stderr());
      assert.equal((await rawGet(other!, server.port, '/')).status, 200);
      assert.equal(await accepts('127.0.0.1', server.port), false, 'it still accepts on 127.0.0.1');
    } finally {
      server.child.kill();
    }
  });
});
