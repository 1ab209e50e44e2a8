/**
 * `npm run serve:static [-- out [port]]`: serves an exported site (`npm run export`) the way a
 * CDN does: every file held in memory, gzip-compressed once, `/path` answered from
 * `path.html`. For previewing an export and for the benchmark.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

type File = { type: string; body: Buffer; gzip: Buffer };

export function loadExport(dir: string): Map<string, File> {
  const files = new Map<string, File>();
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(dir, name);
    if (!fs.statSync(full).isFile()) continue;
    const body = fs.readFileSync(full);
    files.set(`/${name.split(path.sep).join('/')}`, { type: TYPES[path.extname(name)] ?? 'application/octet-stream', body, gzip: zlib.gzipSync(body) });
  }
  return files;
}

export function staticServer(files: Map<string, File>, base = ''): http.Server {
  return http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).slice(base.length) || '/';
    const file = files.get(pathname) ?? files.get(`${pathname.replace(/\/$/, '')}.html`) ?? files.get(`${pathname}index.html`);
    const found = file ?? files.get('/404.html');
    if (!found) return response.writeHead(404).end();
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = gzip ? found.gzip : found.body;
    response.writeHead(file ? 200 : 404, { 'content-type': found.type, 'content-length': body.length, vary: 'Accept-Encoding', ...(gzip && { 'content-encoding': 'gzip' }) });
    response.end(body);
  });
}

if (process.argv[1]?.endsWith('serve-static.ts')) {
  const dir = process.argv[2] ?? 'out';
  const port = Number(process.argv[3] ?? 3000);
  staticServer(loadExport(dir)).listen(port, () => console.log(`Serving ${dir}/ at http://localhost:${port}/subprocessors`));
}
