/**
 * Static server for the fixture pages on 127.0.0.1 with an ephemeral port. It records every request it
 * receives, so a test can show which pages the browser (or the extension) actually fetched.
 */
import { fileURLToPath } from 'node:url';
import { createServer, type Server } from 'node:http';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

/** Directory served by default: `tests/fixtures/pages/`. */
export const PAGES_DIR = fileURLToPath(new URL('../fixtures/pages', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** One request the server received. */
export interface ServedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  status: number;
}

/** A running fixture server. */
export interface FixtureServer {
  /** Origin with the ephemeral port, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** Absolute URL of a fixture page. */
  url(page: string): string;
  /** Requests received so far, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

/** Resolves a URL path inside `root`, or null when it escapes it (`/../etc/passwd`). */
function resolveInside(root: string, urlPath: string): string | null {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const file = normalize(join(root, decoded === '/' ? 'index.html' : decoded));
  return file.startsWith(root + sep) ? file : null;
}

async function respond(root: string, path: string): Promise<{ status: number; type: string; body: Buffer | string }> {
  const file = resolveInside(root, path);
  if (!file) return { status: 403, type: 'text/plain', body: 'forbidden' };
  try {
    const body = await readFile(file);
    return { status: 200, type: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body };
  } catch {
    return { status: 404, type: 'text/plain', body: 'not found' };
  }
}

/** Starts a server for `root` (default {@link PAGES_DIR}) on 127.0.0.1 and a free port. */
export async function startFixtureServer(root: string = PAGES_DIR): Promise<FixtureServer> {
  const requests: ServedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    void respond(root, path).then(({ status, type, body }) => {
      requests.push({ method: req.method ?? 'GET', path, status });
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (page) => `${origin}/${page.replace(/^\//, '')}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/**
 * A copy of the fixture pages in a fresh temporary directory, with `extra` pages (file name -> HTML) added, for a
 * suite that serves pages of its own without touching the committed fixtures. {@link removePagesCopy} removes it.
 */
export async function copyFixturePages(prefix: string, extra: Readonly<Record<string, string>> = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  await cp(PAGES_DIR, root, { recursive: true });
  for (const [name, html] of Object.entries(extra)) await writeFile(join(root, name), html);
  return root;
}

/** Removes a copy made by {@link copyFixturePages} (nothing when the suite failed before making it). */
export async function removePagesCopy(root: string | undefined): Promise<void> {
  if (root) await rm(root, { recursive: true, force: true });
}
