// A plain static file server for the end-to-end tests, like any static host:
// it serves a build both at `/` and under the sub-path `/lattice/`, maps a
// folder to its index.html, and answers 404 for anything else. There are no
// rewrite rules, so the tests prove that hash routing needs none.
//
// Usage: node tests/e2e/static-server.mjs <dir> <port>
// (or `staticServer` in a test's own process, to see what was asked for).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const SUB_PATH = '/lattice/';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

function fileFor(root, urlPath) {
  let path = decodeURIComponent(urlPath);
  if (path === SUB_PATH.slice(0, -1)) return { redirect: SUB_PATH };
  if (path.startsWith(SUB_PATH)) path = path.slice(SUB_PATH.length - 1);
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) {
      if (!urlPath.endsWith('/')) return { redirect: `${urlPath}/` };
      const index = join(file, 'index.html');
      return statSync(index).isFile() ? { file: index } : null;
    }
    return stat.isFile() ? { file } : null;
  } catch {
    return null;
  }
}

/**
 * Serve `dir` on 127.0.0.1:`port`; resolves with the listening server.
 * `onRequest` is told each request's decoded path.
 */
export function staticServer(dir, port, onRequest = () => {}) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    onRequest(decodeURIComponent(pathname));
    const found = req.method === 'GET' || req.method === 'HEAD' ? fileFor(root, pathname) : null;
    if (found?.redirect) {
      res.writeHead(301, { location: found.redirect }).end();
    } else if (found?.file) {
      res.writeHead(200, {
        'content-type': TYPES[extname(found.file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(found.file).pipe(res);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 Not Found\n');
    }
  });
  return new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(Number(port), '127.0.0.1', () => ready(server));
  });
}

// Run as a command (not imported by a test). No import.meta and no top-level
// await: the tests' TypeScript loader turns this file into CommonJS.
if (/static-server\.mjs$/.test(process.argv[1] ?? '')) {
  const [dir = 'dist', port = '4173'] = process.argv.slice(2);
  staticServer(dir, port).then(() =>
    console.log(`serving ${resolve(dir)} at http://127.0.0.1:${port}/ and ${SUB_PATH}`),
  );
}
