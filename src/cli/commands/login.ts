/**
 * login: the user-consent flow with a real browser, like `sf org login web`. Builds the authorize URL (PKCE S256 +
 * state), listens once on 127.0.0.1 at the port of SF_REDIRECT_URI, opens the browser (or prints the URL with
 * --no-browser), checks state, exchanges the code and stores the refresh token 0600 under the user's config folder.
 * `verify --flow uca` then uses it. No token is ever printed.
 */
import type { Command } from 'commander';
import { EXIT, SfcheckError } from '../../errors';
import { USER_CONSENT_SCOPE } from '../../spec';
import { loadProcessVariables, missingVariables, orgValues } from '../environment';
import { openBrowser } from '../login/browser';
import { listenForCallback } from '../login/callback';
import { exchangeCode } from '../login/exchange';
import { authorizeUrl, pkcePair, randomState } from '../login/pkce';
import { saveLogin } from '../login/store';

/** The Callback URL the Salesforce CLI uses; add it to the Connected App, or set SF_REDIRECT_URI. */
export const DEFAULT_REDIRECT_URI = 'http://localhost:1717/OauthRedirect';
const LOGIN_URLS = { sandbox: 'https://test.salesforce.com', production: 'https://login.salesforce.com' } as const;

interface LoginOptions {
  env: string;
  browser: boolean;
  timeout: string;
  prompt: string;
  admin?: boolean;
}

export function registerLogin(program: Command, setExit: (code: number) => void): void {
  program
    .command('login')
    .description('authorize the Connected App as a user in the browser (authorization code + PKCE) and store the refresh token for verify --flow uca')
    .option('--env <env>', 'sandbox or production (SF_CLIENT_ID, SF_CLIENT_SECRET, SF_LOGIN_URL, SF_REDIRECT_URI)', 'sandbox')
    .option('--no-browser', 'print the URL to open instead of opening a browser')
    .option('--timeout <seconds>', 'how long to wait for the browser', '300')
    .option('--prompt <prompt>', 'the authorize prompt: consent (the guide\'s), login, "login consent", or none', 'consent')
    .option('--admin', 'store it as the admin\'s login (verify --flow user-access compares the admin with the standard user)')
    .action(async (o: LoginOptions) => {
      if (o.env !== 'sandbox' && o.env !== 'production') {
        throw new SfcheckError('SFCHECK_UNKNOWN_ENV', `sfcheck login works with --env sandbox or production, not "${o.env}"`, '--env local needs no login: verify --env local drives the emulator\'s pages itself');
      }
      const timeoutMs = Number(o.timeout) * 1000;
      if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new SfcheckError('SFCHECK_USAGE', `--timeout must be a positive number of seconds, got "${o.timeout}"`, 'e.g. --timeout 120');
      const vars = loadProcessVariables(process.cwd());
      const missing = missingVariables(['SF_CLIENT_ID', 'SF_CLIENT_SECRET'], vars);
      if (missing.length > 0) {
        throw new SfcheckError('SFCHECK_MISSING_VARIABLES', `sfcheck login --env ${o.env} needs ${missing.join(', ')}`, 'set them in your shell or a .env file (copy .env.example): the Consumer Key and Secret of the Connected App');
      }
      const values = orgValues(o.env, vars, []);
      const loginUrl = values.login_url ?? LOGIN_URLS[o.env];
      const redirectUri = values.redirect_uri ?? DEFAULT_REDIRECT_URI;
      const clientId = values.client_id ?? '';
      const clientSecret = values.client_secret ?? '';
      const pkce = pkcePair();
      const state = randomState();
      const url = authorizeUrl({ loginUrl, clientId, redirectUri, scope: USER_CONSENT_SCOPE, state, challenge: pkce.challenge, ...(o.prompt !== 'none' && o.prompt ? { prompt: o.prompt } : {}) });
      const listener = await listenForCallback({ redirectUri, state, timeoutMs });
      try {
        process.stdout.write(`waiting for the browser on ${redirectUri} (${Math.round(timeoutMs / 1000)} s)\n`);
        const opened = o.browser ? await openBrowser(url) : false;
        process.stdout.write(`${opened ? 'opened in your browser; if nothing appears, open' : 'open this URL in a browser'}:\n${url}\n`);
        const code = await listener.code;
        const tokens = await exchangeCode({ loginUrl, code, verifier: pkce.verifier, clientId, clientSecret, redirectUri });
        if (!tokens.refresh_token) {
          throw new SfcheckError('SFCHECK_LOGIN_FAILED', 'Salesforce issued no refresh token', 'add the scope "Perform requests at any time (refresh_token, offline_access)" to the Connected App');
        }
        const file = saveLogin(o.env, { refresh_token: tokens.refresh_token, login_url: loginUrl, instance_url: tokens.instance_url, client_id: clientId, id: tokens.id, created_at: new Date().toISOString() }, o.admin ? 'admin' : 'user');
        process.stdout.write(`logged in: ${tokens.id}\nrefresh token stored in ${file} (mode 0600); run: sfcheck verify --env ${o.env} --flow ${o.admin ? 'user-access' : 'uca'}\n`);
        setExit(EXIT.OK);
      } finally {
        listener.close();
      }
    });
}
