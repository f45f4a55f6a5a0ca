/** emulator: the embedded Salesforce-compatible org, standalone, until Ctrl-C. */
import type { Command } from 'commander';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Scenario } from '../../emulator';
import { SCENARIOS } from '../../emulator/scenarios';
import { SfcheckError } from '../../errors';
import { scenarioNamed } from '../verify-local';

/** `--scenario list`: name, summary, the flows it breaks, the expected diagnosis and the fix. */
export function scenarioList(): string {
  const lines = ['Scenarios (sfcheck emulator --scenario NAME, or verify --env local --scenario NAME):', ''];
  for (const s of SCENARIOS) {
    lines.push(`${s.name}`, `  ${s.summary}`, `  breaks: ${s.flows.join(', ')}   diagnosis: ${s.expectedDiagnosis}`, `  fix: ${s.fix}`, '');
  }
  return lines.join('\n');
}

/** What a client must send differently: the emulator alone cannot reproduce the client side. */
function clientSide(s: Scenario): string[] {
  const c = s.client;
  if (!c) return [];
  const out: string[] = [];
  if (c.clientId !== undefined) out.push(`client_id ${c.clientId}`);
  if (c.clientSecret !== undefined) out.push(`client_secret ${c.clientSecret}`);
  if (c.redirectUri !== undefined) out.push(`redirect_uri ${c.redirectUri}`);
  if (c.passwordLogin) out.push(`password flow as ${c.passwordLogin.username} (password ${c.passwordLogin.password}, security token ${c.passwordLogin.securityToken || '(none)'})`);
  if (c.passwordOnLoginHost) out.push('password flow on the login host (http://localhost:PORT)');
  if (c.jwtSubject !== undefined) out.push(`JWT sub ${c.jwtSubject}`);
  if (c.pkce === false) out.push('no PKCE code_challenge');
  if (c.clientCredentialsOnLoginHost) out.push('client credentials token request on the login host (http://localhost:PORT)');
  if (c.jwtAudience === 'my-domain-url') out.push('JWT aud = the My Domain URL (http://127.0.0.1:PORT) instead of the login host');
  if (c.myDomainUnreachable) out.push('my_domain_url on a closed port of 127.0.0.1');
  if (c.myDomainOverHttps) out.push('client credentials token request on the https URL, without trusting its certificate authority');
  if (c.mistake !== undefined) out.push(`the collection with one mistake: ${c.mistake}`);
  return out;
}

interface EmulatorFlags {
  port: string;
  host: string;
  records?: string;
  seed?: string;
  data?: string;
  dailyApiLimit?: string;
  jwtKeyOut?: string;
  runAs: string | false;
  fault: string[];
  scenario?: string;
  https?: boolean;
  httpsPort?: string;
  caCertOut?: string;
}

function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new SfcheckError('SFCHECK_USAGE', `${flag} must be a whole number from ${min} to ${max}, got "${value}"`, `e.g. ${flag} ${Math.max(min, Math.min(max, 1000))}`);
  }
  return n;
}

export function registerEmulator(program: Command): void {
  program
    .command('emulator')
    .description('run the Salesforce-compatible emulator on 127.0.0.1 (for Postman or other clients)')
    .option('--port <port>', 'TCP port (0 picks a free one)', '4010')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--records <n>', 'generated Accounts beyond the sample ones (with contacts and opportunities); default 12')
    .option('--seed <n>', 'seed of the generated data: the same seed gives the same ids and values')
    .option('--data <file>', 'keep the org in this SQLite file between runs (default: in memory)')
    .option('--daily-api-limit <n>', 'DailyApiRequests maximum; once spent, data calls get 403 REQUEST_LIMIT_EXCEEDED')
    .option('--jwt-key-out <file>', "write the Connected App certificate's private key (PEM, mode 0600) for the JWT bearer flow")
    .option('--run-as <username>', 'client credentials run-as user (default: the admin, so the client-credentials collection works)')
    .option(
      '--fault <spec>',
      'inject a fault, KIND[:rate][@/path] (repeatable): latency, 429, 503, 500, reset, truncate, bad-json, html, session, stop',
      (spec: string, all: string[]) => [...all, spec],
      [] as string[],
    )
    .option('--no-run-as', 'no run-as user: client_credentials answers "no client credentials user enabled", as a fresh app does')
    .option('--scenario <name>', 'reproduce a misconfiguration of the set-up guide (`--scenario list` lists them)')
    .option('--https', 'also listen with https, with a certificate signed by a certificate authority made for this run')
    .option('--https-port <port>', 'TCP port of the https listener (0, the default, picks a free one)')
    .option('--ca-cert-out <file>', "with --https: write the run's CA certificate (PEM) here (default: a file in the system's temp folder)")
    .action(async (opts: EmulatorFlags) => {
      if (opts.scenario === 'list') {
        process.stdout.write(`${scenarioList()}\n`);
        return;
      }
      const scenario = opts.scenario === undefined ? undefined : scenarioNamed(opts.scenario);
      const port = wholeNumber('--port', opts.port, 0, 65535) ?? 4010;
      const records = wholeNumber('--records', opts.records, 0, 1_000_000);
      const seed = wholeNumber('--seed', opts.seed, 0, 2 ** 31 - 1);
      const dailyApiLimit = wholeNumber('--daily-api-limit', opts.dailyApiLimit, 1, 1_000_000_000);
      const httpsPort = wholeNumber('--https-port', opts.httpsPort, 0, 65535);
      if ((httpsPort !== undefined || opts.caCertOut !== undefined) && !opts.https && !scenario?.client?.myDomainOverHttps) {
        throw new SfcheckError('SFCHECK_USAGE', `${httpsPort !== undefined ? '--https-port' : '--ca-cert-out'} needs --https`, 'add --https to open the https listener');
      }
      // Loaded on use: the emulator (SOQL parser, SQLite) is not needed by the other commands.
      const { startEmulator, LOCAL_USERS, parseFault } = await import('../../emulator');
      const faults = opts.fault.map((spec) => {
        try {
          return parseFault(spec);
        } catch (e) {
          throw new SfcheckError('SFCHECK_USAGE', `--fault ${(e as Error).message}`, 'e.g. --fault 503:0.25@/services/data (every 4th data call answers 503)');
        }
      });
      if (typeof opts.runAs === 'string' && !Object.values(LOCAL_USERS).some((u) => u.username === opts.runAs)) {
        throw new SfcheckError('SFCHECK_USAGE', `--run-as ${opts.runAs} is not a user of the emulated org`, `use one of ${Object.values(LOCAL_USERS).map((u) => u.username).join(', ')}`);
      }
      const emu = await startEmulator({
        port,
        host: opts.host,
        ...(records !== undefined ? { records } : {}),
        ...(seed !== undefined ? { seed } : {}),
        ...(opts.data ? { dataFile: resolve(opts.data) } : {}),
        ...(dailyApiLimit !== undefined ? { dailyApiLimit } : {}),
        ...(faults.length ? { faults } : {}),
        app: { clientCredentialsUser: opts.runAs === false ? null : typeof opts.runAs === 'string' ? opts.runAs : LOCAL_USERS.admin.username },
        ...(scenario ? { scenario: scenario.name } : {}),
        ...(opts.https ? { https: true } : {}),
        ...(httpsPort !== undefined ? { httpsPort } : {}),
      }).catch((e: NodeJS.ErrnoException) => {
        throw new SfcheckError(
          'SFCHECK_EMULATOR_START',
          `the emulator could not start on ${opts.host}:${port}: ${e.code ?? e.message}`,
          e.code === 'EADDRINUSE' ? 'another process uses that port: pick another with --port' : 'check --host, --port and --data',
        );
      });
      if (opts.jwtKeyOut) {
        const file = resolve(opts.jwtKeyOut);
        writeFileSync(file, emu.local.jwtPrivateKeyPem, { mode: 0o600 });
        chmodSync(file, 0o600);
      }
      // The CA certificate is public (0644); its private key never leaves the emulator.
      const caFile = emu.https ? resolve(opts.caCertOut ?? join(tmpdir(), `sfcheck-emulator-ca-${emu.https.port}.pem`)) : undefined;
      if (emu.https && caFile) {
        try {
          writeFileSync(caFile, emu.https.caPem, { mode: 0o644 });
        } catch (e) {
          await emu.close();
          throw new SfcheckError('SFCHECK_OUT_NOT_WRITABLE', `cannot write the CA certificate to ${caFile}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 'pass --ca-cert-out with a file you can write');
        }
      }
      const c = emu.credentials;
      const users = [LOCAL_USERS.salesRep, LOCAL_USERS.supportAgent].map(
        (u) => `  ${u.username.padEnd(30)} password ${u.password}  security token ${u.securityToken}  (${u.profile})`,
      );
      process.stdout.write(
        [
          `Salesforce emulator listening on ${emu.url}`,
          `  My Domain / instance URL  ${emu.url}   (token, REST, userinfo; client_credentials works here` +
            `${opts.runAs === false ? ', but no run-as user is set' : ''})`,
          `  login host                ${emu.loginUrl}   (login.salesforce.com's role: JWT audience)`,
          ...(emu.https && caFile
            ? [
                `  https                     ${emu.https.url}   (the same org; its certificate is signed by this run's own CA)`,
                `  CA certificate            ${caFile}   (trust it: --ssl-extra-ca-certs ${caFile}, or NODE_EXTRA_CA_CERTS)`,
              ]
            : []),
          '',
          'Local-only credentials (they work nowhere else):',
          `  login_url       ${emu.url}`,
          `  client_id       ${c.clientId}`,
          `  client_secret   ${c.clientSecret}`,
          `  username        ${c.username}   (System Administrator, View All Data)`,
          `  password        ${c.password}`,
          `  security_token  ${c.securityToken}`,
          `  redirect_uri    ${c.redirectUri}`,
          'Standard users (see only what they own):',
          ...users,
          ...(faults.length ? [`Faults: ${opts.fault.join(', ')}`] : []),
          ...(scenario
            ? [
                '',
                `Scenario ${scenario.name}: ${scenario.summary}`,
                `  breaks: ${scenario.flows.join(', ')}   expected diagnosis: ${scenario.expectedDiagnosis}`,
                ...(clientSide(scenario).length ? [`  the client side (send it yourself): ${clientSide(scenario).join('; ')}`] : []),
                `  fix: ${scenario.fix}`,
              ]
            : []),
          ...(opts.jwtKeyOut ? [`JWT bearer: the Connected App's private key is in ${resolve(opts.jwtKeyOut)}`] : []),
          '',
          'Import environments/local.postman_environment.json into Postman to use it. Ctrl-C stops it.',
          '',
        ].join('\n'),
      );
      await new Promise<void>((done) => {
        const stop = () =>
          void emu.close().then(() => {
            if (caFile && opts.caCertOut === undefined) rmSync(caFile, { force: true }); // the temp copy only
            done();
          });
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
