import http from 'node:http';

/**
 * Another website on 127.0.0.1 (a different origin from localhost) serving one HTML page,
 * as a company's privacy policy would embed the list. A real server rather than a routed
 * response, so the browser treats it as the local site it is.
 */
export async function hostPage(port: number, body: string): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
