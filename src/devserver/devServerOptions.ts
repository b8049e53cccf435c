// `npm start` previews content that may come from a stranger's pull request, so Eleventy's dev
// server (@11ty/eleventy-dev-server) is held to two rules: it listens on this machine only
// (unless `--host` says otherwise), and no request URL can crash it or reach outside the site.
import { createRequire } from 'node:module';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The parts of an eleventy-dev-server instance used here (it ships no types). */
interface EleventyDevServer {
  /** Node's HTTP server, created on first use. */
  readonly server: Server;
  readonly options: { portReassignmentRetryCount: number };
  /** How many busy ports it has skipped so far. */
  readonly portRetryCount: number;
  /** `http://HOST:PORT/prefix/`, with the port the server listens on. */
  getServerUrl(host: string): string;
}

interface EleventyDevServerClass {
  prototype: { _serverListen?: (this: EleventyDevServer, port: number) => void };
}

/**
 * Why a request path cannot name a file of the site, or undefined when it may. The dev server
 * decodes the path itself and throws on what it cannot decode, which ends the whole process;
 * its own "inside the output folder" test compares string prefixes, so `/..%2fsite-old/x`
 * reached a folder beside `site`. Nothing a browser sends for a page of the site fails here.
 */
export function hostileUrlProblem(url: string): string | undefined {
  // Origin form only (`/path?query`): absolute URLs are for proxies, `*` for OPTIONS.
  if (!url.startsWith('/')) return 'the request path must start with /';
  const rawPath = url.split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return 'the path has a malformed %-escape';
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return 'the path holds a control character';
  if (decoded.includes('\\')) return 'the path holds a backslash';
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return 'the path holds a . or .. segment';
  return undefined;
}

/**
 * Dev-server middleware (the `middleware` server option runs it before the dev server looks for
 * a file): a hostile path gets 400, and anything the dev server throws on a request becomes a
 * 400 for that request instead of ending the process.
 */
export function refuseHostileUrls(request: IncomingMessage, response: ServerResponse, next: () => unknown): unknown {
  const problem = hostileUrlProblem(request.url ?? '');
  if (problem) return badRequest(response, problem);
  try {
    return next();
  } catch {
    return badRequest(response, 'the dev server could not map the path to a file');
  }
}

function badRequest(response: ServerResponse, reason: string): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.statusCode = 400;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.end(`400 Bad Request: ${reason}.\n`);
}

/** `http://127.0.0.1:8080/` for where the server really listens: its socket's address and port. */
export function listeningUrl(devServer: EleventyDevServer): string {
  const { address, family } = devServer.server.address() as AddressInfo;
  return devServer.getServerUrl(family === 'IPv6' ? `[${address}]` : address);
}

/**
 * The server options `.eleventy.ts` registers with `eleventyConfig.setServerOptions`. The dev
 * server's own start-up line always says `localhost`, whatever it listens on; ours reads the socket.
 */
export function devServerOptions() {
  return {
    middleware: [refuseHostileUrls],
    messageOnStart: () => false,
    ready: (devServer: EleventyDevServer) => {
      const { address } = devServer.server.address() as AddressInfo;
      const everywhere = address === '0.0.0.0' || address === '::';
      console.log(`Server at ${listeningUrl(devServer)}${everywhere ? ' (every network interface: other machines can open it too)' : ''}`);
    },
  };
}

const servers = new WeakSet<Server>();

/**
 * Makes the dev server listen on `host` only. eleventy-dev-server 2.1 has no host option: it
 * calls `server.listen({ port })`, which is every interface (11ty/eleventy-dev-server#128). So
 * its one listen method is replaced, for the dev server instances of this process, by the same
 * call with a host. Its busy-port retries go through that method too, and keep the host.
 * Call before `eleventy.serve()`.
 */
export function listenOnlyOn(host: string): void {
  const require = createRequire(import.meta.url);
  // The copy Eleventy imports: one package in node_modules, one module instance.
  const DevServer = require('@11ty/eleventy-dev-server') as EleventyDevServerClass;
  if (typeof DevServer.prototype._serverListen !== 'function') {
    // Never fall back to every interface: a newer dev server needs this code looked at again.
    throw new Error('error: this version of @11ty/eleventy-dev-server cannot be told where to listen; src/devserver/devServerOptions.ts needs updating.');
  }
  DevServer.prototype._serverListen = function listen(port) {
    const server = this.server;
    if (!servers.has(server)) {
      servers.add(server);
      // First in line: the dev server's own handler only logs most errors and keeps a process
      // that serves nothing, and throws (a stack trace) once it runs out of ports.
      server.prependListener('error', (error: NodeJS.ErrnoException & { port?: number }) => {
        const busy = error.code === 'EADDRINUSE';
        if (busy && this.portRetryCount < this.options.portReassignmentRetryCount) return;
        const why = busy ? `port ${error.port} and the ${this.options.portReassignmentRetryCount} after it are in use` : `${error.code ?? error.message}`;
        console.error(`error: the dev server cannot listen on ${host} (${why}). Pass --host=ADDRESS with an address of this machine, or another --port=N.`);
        process.exit(1);
      });
    }
    server.listen({ port, host });
  };
}
