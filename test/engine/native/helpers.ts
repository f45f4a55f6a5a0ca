/** Small node:http servers on 127.0.0.1:0 and v2.1 collection builders for the native engine tests. */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  body: string;
}

export interface TestServer {
  base: string;
  port: number;
  requests: Recorded[];
  close(): Promise<void>;
}

export type Handler = (req: Recorded, res: ServerResponse) => void;

/** Echoes what it received as JSON. */
export const echo: Handler = (req, res) => {
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body: req.body }));
};

/** Listens on 127.0.0.1:0 and resolves to the base URL, the port, what was recorded, and a close that drops keep-alive sockets. */
export function listen<R>(server: Server, requests: R[], scheme: string): Promise<{ base: string; port: number; requests: R[]; close(): Promise<void> }> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        base: `${scheme}://127.0.0.1:${port}`,
        port,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export function startServer(handler: Handler = echo): Promise<TestServer> {
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: Recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      handler(recorded, res);
    });
  });
  return listen(server, requests, 'http');
}

/**
 * Starts a server for a describe block (`start`, by default startServer with the echo handler) and closes it
 * afterwards: before/after, or beforeEach/afterEach with `each` (a fresh server, no requests recorded, per test).
 * The getter returns the running server.
 */
export function useServer<S extends { close(): Promise<void> }>(start: () => Promise<S>, each = false): () => S {
  let server: S | undefined;
  (each ? beforeEach : before)(async () => {
    server = await start();
  });
  (each ? afterEach : after)(async () => {
    await server?.close();
    server = undefined;
  });
  return () => {
    if (!server) throw new Error('test server not started');
    return server;
  };
}

/** useServer with startServer(handler). */
export function useTestServer(handler: Handler = echo, each = false): () => TestServer {
  return useServer(() => startServer(handler), each);
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = await startServer();
  await s.close();
  return s.port;
}

type Json = Record<string, unknown>;

export function tests(...lines: string[]): Json[] {
  return [{ listen: 'test', script: { type: 'text/javascript', exec: lines } }];
}

export function prerequest(...lines: string[]): Json[] {
  return [{ listen: 'prerequest', script: { type: 'text/javascript', exec: lines } }];
}

export function item(name: string, request: Json | string, event?: Json[], extra: Json = {}): Json {
  return { id: `id-${name}`, name, request, ...(event ? { event } : {}), ...extra };
}

export function folder(name: string, items: Json[], extra: Json = {}): Json {
  return { name, item: items, ...extra };
}

export function collection(items: Json[], extra: Json = {}): Json {
  return {
    info: { _postman_id: 'col-id', name: 'Test collection', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: items,
    ...extra,
  };
}

export function bearer(token: string): Json {
  return { type: 'bearer', bearer: [{ key: 'token', value: token, type: 'string' }] };
}
