/** `sfcheck login` as a child process against an in-process emulator whose Connected App has our callback URL. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { LOCAL_USERS, startEmulator, type StartedEmulator } from '../../src/emulator';
import { CLI, ROOT, tempDir } from '../helpers';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface LoginSetup {
  emu: StartedEmulator;
  redirectUri: string;
  configHome: string;
  /** SF_ variables of a "sandbox" that is the emulator. */
  env: Record<string, string>;
}

export async function loginSetup(): Promise<LoginSetup> {
  const redirectUri = `http://127.0.0.1:${await freePort()}/OauthRedirect`;
  const emu = await startEmulator({ credentials: { redirectUri }, app: { clientCredentialsUser: LOCAL_USERS.admin.username } });
  const configHome = tempDir('sfcheck-config-');
  const env = {
    SF_LOGIN_URL: emu.url,
    SF_CLIENT_ID: emu.credentials.clientId,
    SF_CLIENT_SECRET: emu.credentials.clientSecret,
    SF_REDIRECT_URI: redirectUri,
    XDG_CONFIG_HOME: configHome,
  };
  return { emu, redirectUri, configHome, env };
}

export interface LoginChild {
  child: ChildProcessWithoutNullStreams;
  /** The authorize URL `login --no-browser` printed. */
  url: Promise<string>;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Spawns `sfcheck login --env sandbox --no-browser` with a clean SF_-free environment plus `env`. */
export function spawnLogin(env: Record<string, string>, extra: string[] = []): LoginChild {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('SF_')) base[k] = v;
  const child = spawn(process.execPath, [CLI, 'login', '--env', 'sandbox', '--no-browser', ...extra], { cwd: tempDir(), env: { ...base, NO_COLOR: '1', ...env } });
  let stdout = '';
  let stderr = '';
  let found: (u: string) => void;
  const url = new Promise<string>((resolve) => (found = resolve));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    const m = /^(http\S+\/services\/oauth2\/authorize\?\S+)$/m.exec(stdout);
    if (m?.[1]) found(m[1]);
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
  return { child, url: Promise.race([url, done.then((r) => Promise.reject(new Error(`login exited before printing a URL: ${r.stdout}${r.stderr}`)))]), done };
}

export { ROOT };
