import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  target?: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Responder = (req: RecordedRequest, index: number) => { status: number; body: string; headers?: Record<string, string> };

/** A scripted HTTP server on 127.0.0.1 that records every request it gets. */
export async function startLocalServer(respond: Responder): Promise<{
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        ...(typeof req.headers['x-amz-target'] === 'string' ? { target: req.headers['x-amz-target'] } : {}),
      };
      requests.push(recorded);
      const out = respond(recorded, requests.length - 1);
      res.writeHead(out.status, { 'content-type': 'application/x-amz-json-1.1', ...(out.headers ?? {}) });
      res.end(out.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
