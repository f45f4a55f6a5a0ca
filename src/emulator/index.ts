/**
 * sfcheck's embedded Salesforce-compatible emulator: a sealed, independent oracle on 127.0.0.1 that
 * answers OAuth, identity and REST calls as Salesforce does on the wire. It imports nothing else from
 * sfcheck. Only the CLI and tests use it.
 */
import type { AddressInfo } from 'node:net';
import { resolveCredentials, type LocalCredentials } from './config';
import { createContext } from './context';
import { createEmulatorServer } from './server';

export { LOCAL_CREDENTIALS, type LocalCredentials } from './config';

export interface EmulatorOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  credentials?: Partial<LocalCredentials>;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`: instance_url, token and identity host. */
  url: string;
  port: number;
  credentials: LocalCredentials;
  /** Stops listening and ends every open connection, keep-alive ones included. */
  close(): Promise<void>;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const credentials = resolveCredentials(options.credentials);
  const host = options.host ?? '127.0.0.1';
  const ctx = createContext(credentials, '');
  const server = createEmulatorServer(ctx);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${urlHost(host)}:${port}`;
  ctx.baseUrl = url;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  return { url, port, credentials, close };
}
