// A small static file server: serves a build directory on 127.0.0.1, compressed with brotli
// (or gzip) when the browser accepts it, as a real host would; it can be stopped outright
// (the offline tests make the network "go away" this way). scripts/serve-dist.mjs runs it
// from the command line; the Lighthouse audit and the offline tests use it directly.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Copies `dist` to a fresh temporary directory and returns its path. */
export async function copyBuild(dist) {
  const dir = await mkdtemp(path.join(tmpdir(), 'payung-offline-'));
  await cp(dist, dir, { recursive: true });
  return dir;
}

// Compressed bodies, made once per file content (`tag`: the content's hash).
const compressed = new Map();
function encode(body, tag, encoding) {
  const key = `${encoding}:${tag}`;
  if (!compressed.has(key)) {
    const out = encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gzipSync(body, { level: 9 });
    compressed.set(key, out);
  }
  return compressed.get(key);
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg']);

/**
 * Serves `dir` on `port` (0: any free port); resolves to { url, requests, stop() }.
 * `requests` lists the paths asked for.
 */
export async function serve(dir, { port: wanted = 0 } = {}) {
  const requests = [];
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push(url.pathname);
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(dir, rel);
    if (!file.startsWith(path.resolve(dir) + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      const ext = path.extname(file);
      // Revalidated on every use (no-cache) against the content's tag, as a static host does.
      const tag = createHash('sha256').update(body).digest('hex');
      const etag = `"${tag.slice(0, 32)}"`;
      const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache', vary: 'accept-encoding', etag };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const encoding = !COMPRESSIBLE.has(ext) ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      if (encoding) {
        body = encode(body, tag, encoding);
        headers['content-encoding'] = encoding;
      }
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end();
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(wanted, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    stop: () =>
      new Promise((resolve) => {
        server.close(resolve);
        for (const s of sockets) s.destroy();
      }),
  };
}
