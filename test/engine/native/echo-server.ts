/**
 * A small generic HTTP server on 127.0.0.1:0 for wire tests: it records every request exactly as it arrived (method,
 * raw request-line URL, raw headers in order with their case, body bytes) and answers:
 *   /cookies/set?c=<Set-Cookie value>&c=...  sets those cookies (200)
 *   /redirect/<code>?to=<location>&c=...    answers <code> with Location (default /echo), setting cookies c=...
 *   /delay/<ms>                             answers after ms (at most 5 s)
 *   /encoded/<gzip|deflate|br>              a compressed JSON body with that Content-Encoding
 *   anything else                           echoes the request as JSON {method, url, headers, body(base64)}
 * The parser is lenient (no Host required, latin1 request lines) so what a client sends is what gets recorded.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { listen, useServer } from './helpers';

export interface EchoRecord {
  method: string;
  url: string;
  /** [name, value, name, value, ...] as received. */
  rawHeaders: string[];
  body: Buffer;
}

export interface EchoServer {
  base: string;
  port: number;
  requests: EchoRecord[];
  close(): Promise<void>;
}

function respond(req: EchoRecord, res: ServerResponse): void {
  const u = new URL(req.url, 'http://echo.invalid');
  const parts = u.pathname.split('/');
  if (u.pathname === '/cookies/set') {
    res.setHeader('Set-Cookie', u.searchParams.getAll('c'));
    res.end('cookies set');
    return;
  }
  if (parts[1] === 'redirect') {
    res.statusCode = Number(parts[2]) || 302;
    res.setHeader('Location', u.searchParams.get('to') ?? '/echo');
    if (u.searchParams.has('c')) res.setHeader('Set-Cookie', u.searchParams.getAll('c'));
    res.end('redirecting');
    return;
  }
  if (parts[1] === 'delay') {
    const t = setTimeout(() => res.end('late'), Math.min(Number(parts[2]) || 0, 5_000));
    res.on('close', () => clearTimeout(t));
    return;
  }
  if (parts[1] === 'encoded') {
    const plain = Buffer.from(JSON.stringify({ encoded: parts[2] }));
    const codec: Partial<Record<string, (b: Buffer) => Buffer>> = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };
    const encode = codec[parts[2] ?? ''];
    res.setHeader('Content-Type', 'application/json');
    if (encode) res.setHeader('Content-Encoding', parts[2] ?? '');
    res.end(encode ? encode(plain) : plain);
    return;
  }
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.rawHeaders, body: req.body.toString('base64') }));
}

function listener(requests: EchoRecord[]) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const record: EchoRecord = { method: req.method ?? '', url: req.url ?? '', rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) };
      requests.push(record);
      respond(record, res);
    });
  };
}

const OPTIONS = { insecureHTTPParser: true, requireHostHeader: false } as const;

export function startEchoServer(): Promise<EchoServer> {
  const requests: EchoRecord[] = [];
  return listen(createServer(OPTIONS, listener(requests)), requests, 'http');
}

/** The same server over TLS with the given (self-signed) key and certificate. */
export function startEchoTlsServer(key: string, cert: string): Promise<EchoServer> {
  const requests: EchoRecord[] = [];
  return listen(createHttpsServer({ ...OPTIONS, key, cert }, listener(requests)) as unknown as Server, requests, 'https');
}

/** startEchoServer for a describe block (before/after); the getter returns the running server. */
export function useEchoServer(): () => EchoServer {
  return useServer(startEchoServer);
}
