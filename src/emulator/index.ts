/**
 * sfcheck's embedded Salesforce-compatible emulator: a sealed, independent oracle on 127.0.0.1 that
 * answers OAuth, identity and REST calls as Salesforce does on the wire. It imports nothing else from
 * sfcheck. Only the CLI and tests use it.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveCredentials, type LocalCredentials } from './config';
import { createContext } from './context';
import type { DataOptions } from './data/options';
import type { ConnectedApp, ConnectedAppSettings } from './oauth/connected-app';
import { generateEmulatorKeys } from './oauth/keys';
import type { OAuthBehaviour } from './oauth/state';
import type { Org } from './org';
import { FaultInjector, parseFault, type Fault } from './faults';
import { findScenario, SCENARIOS } from './scenarios';
import { createEmulatorServer } from './server';
import { createTlsMaterial } from './tls';

export { LOCAL_CREDENTIALS, type LocalCredentials } from './config';
export type { DataOptions, SharingModel } from './data/options';
export { LOCAL_USERS, type LocalUser } from './local-users';
export type { ConnectedApp, ConnectedAppSettings, PermittedUsers } from './oauth/connected-app';
export type { OAuthBehaviour } from './oauth/state';
export { FAULT_KINDS, parseFault, type Fault, type FaultKind } from './faults';
export { SCENARIOS, findScenario, type ClientChanges, type CollectionMistake, type PasswordLogin, type Scenario, type ScenarioFlow } from './scenarios';

export interface EmulatorOptions extends DataOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  credentials?: Partial<LocalCredentials>;
  /** Connected App settings (callback URLs, scopes, permitted users, Require Secret/PKCE, rotation, run-as user...). */
  app?: Partial<ConnectedAppSettings>;
  /** Choices the wire spec leaves UNVERIFIED (PKCE error bodies, inline error status, login host names...). */
  oauth?: Partial<OAuthBehaviour>;
  /** Clock in epoch ms (codes, sessions, JWT checks, id_tokens). Default Date.now; tests inject one instead of sleeping. */
  now?: () => number;
  /** Faults to inject: objects or `KIND[:rate][@/path]` strings (see faults.ts). */
  faults?: ReadonlyArray<Fault | string>;
  /** A misconfiguration to reproduce (scenarios/index.ts): its settings win over `app` and `oauth`. Unknown name: throws. */
  scenario?: string;
  /**
   * Also listen with https (on `host`, `httpsPort`), with a certificate for localhost and 127.0.0.1 signed by a
   * certificate authority made for this run, which no client trusts unless given its PEM (`https.caPem`). A scenario
   * that needs it (tls-untrusted-certificate) turns it on.
   */
  https?: boolean;
  /** Port of the https listener; default 0 (a free one). */
  httpsPort?: number;
}

/** The https listener of a started emulator (EmulatorOptions.https). */
export interface HttpsListener {
  /** `https://127.0.0.1:PORT`: the same org as the http URL. */
  url: string;
  port: number;
  /** PEM certificate of the run's private certificate authority (public: the private keys are never exposed). */
  caPem: string;
}

/** LOCAL-ONLY test hooks: live objects of this emulator. Nothing here opens anything but this emulator. */
export interface LocalHooks {
  /** PEM (PKCS#8) private key matching the Connected App's certificate: signs JWT-bearer assertions. */
  jwtPrivateKeyPem: string;
  /** PEM (SPKI) public key of that certificate. */
  jwtPublicKeyPem: string;
  /** The Connected App, live: changing a setting takes effect on the next request. */
  app: ConnectedApp;
  /** The org, live (users can be locked, deactivated, IP-restricted or given permission sets). */
  org: Org;
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

/** What startEmulator returns: the RunningEmulator handle plus the login host and the local-only hooks. */
export interface StartedEmulator extends RunningEmulator {
  /** `http://localhost:PORT`: the login host (login.salesforce.com's role: JWT audience; no client_credentials). */
  loginUrl: string;
  local: LocalHooks;
  /** Set when the emulator also listens with https (EmulatorOptions.https or a scenario that needs it). */
  https?: HttpsListener;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<StartedEmulator> {
  const credentials = resolveCredentials(options.credentials);
  const host = options.host ?? '127.0.0.1';
  const scenario = options.scenario === undefined ? undefined : findScenario(options.scenario);
  if (options.scenario !== undefined && !scenario) {
    throw new Error(`unknown scenario "${options.scenario}": use one of ${SCENARIOS.map((s) => s.name).join(', ')}`);
  }
  const keys = await generateEmulatorKeys();
  const app = { ...options.app, ...scenario?.options?.app };
  const behaviour = { ...options.oauth, ...scenario?.options?.oauth };
  const ctx = createContext(credentials, '', { keys, now: options.now, app, behaviour }, options);
  scenario?.prepare?.({ org: ctx.org, app: ctx.org.apps[0]!, apiUsage: ctx.apiUsage, now: ctx.oauth.now() });
  if (options.faults?.length) ctx.faults = new FaultInjector(options.faults.map((f) => (typeof f === 'string' ? parseFault(f) : f)));
  const server = createEmulatorServer(ctx);
  const wantsHttps = options.https === true || scenario?.client?.myDomainOverHttps === true;
  const tls = wantsHttps ? createTlsMaterial() : undefined;
  const secure = tls ? createEmulatorServer(ctx, { key: tls.keyPem, cert: tls.certPem + tls.caPem }) : undefined;

  const port = await listen(server, options.port ?? 0, host);
  let https: HttpsListener | undefined;
  if (secure && tls) {
    const securePort = await listen(secure, options.httpsPort ?? 0, host).catch(async (e: unknown) => {
      await closeServer(server);
      ctx.store.close();
      throw e;
    });
    https = { url: `https://${urlHost(host)}:${securePort}`, port: securePort, caPem: tls.caPem };
  }
  const url = `http://${urlHost(host)}:${port}`;
  ctx.baseUrl = url;
  ctx.oauth.loginUrl = `http://localhost:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= Promise.all([closeServer(server), ...(secure ? [closeServer(secure)] : [])]).then(() => ctx.store.close());
    return closing;
  };
  const local: LocalHooks = { jwtPrivateKeyPem: keys.appCertificate.privateKeyPem, jwtPublicKeyPem: keys.appCertificate.publicKeyPem, app: ctx.org.apps[0]!, org: ctx.org };
  return { url, port, credentials, loginUrl: ctx.oauth.loginUrl, local, close, ...(https ? { https } : {}) };
}
