/**
 * The one-shot callback listener of `sfcheck login`: 127.0.0.1 on the port of the redirect URI, one request to its
 * path, then it closes. Checks state; turns ?error=access_denied and friends into clear errors.
 */
import { createServer, type Server } from 'node:http';
import { SfcheckError } from '../../errors';

export interface CallbackOptions {
  redirectUri: string;
  state: string;
  timeoutMs: number;
}

export interface CallbackListener {
  /** Resolves with the authorization code, or rejects with an SfcheckError. */
  code: Promise<string>;
  close(): void;
}

const PAGE = (title: string, text: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;

/** http://localhost:1717/OauthRedirect -> port 1717, path /OauthRedirect. Only loopback http URIs can be listened on. */
export function callbackAddress(redirectUri: string): { port: number; path: string } {
  let u: URL;
  try {
    u = new URL(redirectUri);
  } catch {
    throw new SfcheckError('SFCHECK_BAD_VARIABLE', `SF_REDIRECT_URI is not a URL: "${redirectUri}"`, 'set SF_REDIRECT_URI to a Callback URL of the Connected App such as http://localhost:1717/OauthRedirect');
  }
  if (u.protocol !== 'http:' || !['localhost', '127.0.0.1'].includes(u.hostname) || u.port === '') {
    throw new SfcheckError(
      'SFCHECK_BAD_VARIABLE',
      `sfcheck login listens on this computer, so SF_REDIRECT_URI must be http://localhost:PORT/... or http://127.0.0.1:PORT/..., got "${redirectUri}"`,
      'add a Callback URL such as http://localhost:1717/OauthRedirect to the Connected App and set SF_REDIRECT_URI to it',
    );
  }
  return { port: Number(u.port), path: u.pathname };
}

export async function listenForCallback(o: CallbackOptions): Promise<CallbackListener> {
  const { port, path } = callbackAddress(o.redirectUri);
  let settle!: { resolve: (code: string) => void; reject: (e: Error) => void };
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  code.catch(() => undefined); // handled by the caller; avoid an unhandled rejection before it awaits
  let server: Server | undefined;
  let timer: NodeJS.Timeout | undefined;
  const close = () => {
    if (timer) clearTimeout(timer);
    server?.close();
    server?.closeAllConnections();
  };
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== path) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const q = url.searchParams;
    const finish = (status: number, title: string, text: string, outcome: () => void) => {
      res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', Connection: 'close' }).end(PAGE(title, text), () => {
        close();
        outcome();
      });
    };
    if (q.get('state') !== o.state) {
      finish(400, 'sfcheck: login refused', 'The answer does not carry the state this login sent. Run sfcheck login again.', () =>
        settle.reject(new SfcheckError('SFCHECK_LOGIN_STATE', 'the callback carried a different state than the authorize request (possible forged or stale redirect)', 'run `sfcheck login` again and finish it in the browser window it opens')),
      );
      return;
    }
    const error = q.get('error');
    if (error) {
      const description = q.get('error_description') ?? '';
      const denied = error === 'access_denied';
      finish(200, denied ? 'sfcheck: access denied' : 'sfcheck: login failed', `${error}: ${description}. You can close this window.`, () =>
        settle.reject(
          denied
            ? new SfcheckError('SFCHECK_LOGIN_DENIED', `access was denied on the consent page (${error}: ${description})`, 'run `sfcheck login` again and click Allow on the consent page')
            : new SfcheckError('SFCHECK_LOGIN_FAILED', `Salesforce refused the authorization (${error}: ${description})`, error === 'OAUTH_APP_ACCESS_DENIED' ? 'assign the Connected App to the user (permission set, guide steps 2 and 4) or let all users self-authorize' : 'check the Connected App\'s callback URL, scopes and OAuth policies'),
        ),
      );
      return;
    }
    const got = q.get('code');
    if (!got) {
      finish(400, 'sfcheck: login failed', 'No authorization code in the answer.', () =>
        settle.reject(new SfcheckError('SFCHECK_LOGIN_FAILED', 'the callback carried neither a code nor an error', 'run `sfcheck login` again')),
      );
      return;
    }
    finish(200, 'sfcheck: logged in', 'The Connected App is authorized. You can close this window and go back to the terminal.', () => settle.resolve(got));
  });
  await new Promise<void>((resolve, reject) => {
    server!.once('error', (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'EADDRINUSE'
          ? new SfcheckError('SFCHECK_LOGIN_PORT_BUSY', `port ${port} of SF_REDIRECT_URI (${o.redirectUri}) is already in use`, `stop what listens on port ${port} (another sfcheck login or sf org login?), or use another Callback URL port in the app and SF_REDIRECT_URI`)
          : new SfcheckError('SFCHECK_LOGIN_FAILED', `cannot listen on 127.0.0.1:${port}: ${e.message}`, 'pick another port for SF_REDIRECT_URI'),
      );
    });
    server!.listen(port, '127.0.0.1', () => resolve());
  });
  timer = setTimeout(() => {
    close();
    settle.reject(new SfcheckError('SFCHECK_LOGIN_TIMEOUT', `no answer from the browser within ${Math.round(o.timeoutMs / 1000)} s`, 'run `sfcheck login` again and finish the login in the browser (or pass --timeout SECONDS)'));
  }, o.timeoutMs);
  timer.unref();
  return { code, close };
}
