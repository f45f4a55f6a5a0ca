/**
 * A small HTTP server on 127.0.0.1 for the differential suite's generic HTTP cases. It records what arrived on the
 * wire (method, raw path, raw headers in order, body bytes) so the suite compares what each engine really sent, not
 * only what it says it sent; and it answers a few fixed routes:
 *
 *   /status/CODE             that status, with the JSON echo
 *   /redirect/CODE?to=PATH   that 3xx status with `Location: PATH` (default /echo/redirected)
 *   /cookies/set?k=v&…       200 with one `Set-Cookie: k=v; Path=/` per query parameter
 *   /cookies                 the JSON echo (the Cookie header is in it)
 *   /delay/MS                the JSON echo after MS milliseconds (at most 2 000)
 *   /xml                     a small XML document (xml2Json cases)
 *   anything else            200 with the JSON echo: {method, path, headers (lower-cased names), body}
 *
 * Each record carries the label the harness set before the request (engine and request ordinal), so records can be
 * matched to the request that caused them (redirect hops and pm.sendRequest calls included).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WireRecord {
  /** What the harness set as the current request when this one arrived (undefined outside a run). */
  label: string | undefined;
  method: string;
  /** The request target exactly as received (path and query, not decoded). */
  rawPath: string;
  /** Header name/value pairs in arrival order, names as sent. */
  rawHeaders: Array<[string, string]>;
  body: Buffer;
}

export interface EchoServer {
  url: string;
  /** Records received since the last take(). */
  take(): WireRecord[];
  /** Label for the records that arrive from now on. */
  setLabel(label: string | undefined): void;
  close(): Promise<void>;
}

const MAX_DELAY_MS = 2_000;
const MAX_BODY_BYTES = 1024 * 1024;

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n<root><user id="7"><name>Ada</name><tags><tag>a</tag><tag>b</tag></tags></user></root>\n';

function pairs(raw: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

function echoBody(req: IncomingMessage, body: Buffer): string {
  const headers: Record<string, string> = {};
  for (const [k, v] of pairs(req.rawHeaders)) {
    const key = k.toLowerCase();
    headers[key] = headers[key] === undefined ? v : `${headers[key]}, ${v}`;
  }
  return JSON.stringify({ method: req.method, path: req.url, headers, body: body.toString('utf8') });
}

function reply(res: ServerResponse, status: number, body: string, headers: Record<string, string | string[]> = {}): void {
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (!res.hasHeader('content-type')) res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

async function answer(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : target.slice(q + 1));
  let m: RegExpExecArray | null;
  if ((m = /^\/status\/(\d{3})$/.exec(path))) return reply(res, Number(m[1]), echoBody(req, body));
  if ((m = /^\/redirect\/(3\d\d)$/.exec(path))) {
    return reply(res, Number(m[1]), '', { Location: query.get('to') ?? '/echo/redirected', 'Content-Type': 'text/plain' });
  }
  if (path === '/cookies/set') {
    const cookies = [...query].map(([k, v]) => `${k}=${v}; Path=/`);
    return reply(res, 200, echoBody(req, body), { 'Set-Cookie': cookies });
  }
  if ((m = /^\/delay\/(\d+)$/.exec(path))) {
    await new Promise((r) => setTimeout(r, Math.min(Number(m?.[1]), MAX_DELAY_MS)));
    return reply(res, 200, echoBody(req, body));
  }
  if (path === '/xml') return reply(res, 200, XML, { 'Content-Type': 'application/xml' });
  return reply(res, 200, echoBody(req, body));
}

export async function startEcho(): Promise<EchoServer> {
  let records: WireRecord[] = [];
  let label: string | undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const current = label;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      records.push({ label: current, method: req.method ?? '', rawPath: req.url ?? '', rawHeaders: pairs(req.rawHeaders), body });
      answer(req, res, body).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    take() {
      const out = records;
      records = [];
      return out;
    },
    setLabel(next) {
      label = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
