/**
 * verify --env local: one embedded emulator for every flow, each flow's values prepared just before it runs.
 * client credentials: the app gets the admin as its run-as user and the token goes to the My Domain host (127.0.0.1);
 * JWT: an assertion signed with the app certificate's key, aud = the login host; uca and user-access: the login and
 * consent pages submitted over HTTP for the standard user and for the admin, then their refresh tokens.
 */
import type { StartedEmulator } from '../emulator';
import type { EnvKey } from '../spec';
import { SfcheckError } from '../errors';
import type { VerifyFlow } from './flows';
import { signAssertion } from './jwt';
import { consentOverHttp } from './login/consent';

export async function startLocalEmulator(): Promise<StartedEmulator> {
  const { startEmulator, LOCAL_USERS } = await import('../emulator');
  return startEmulator({ port: 0, app: { clientCredentialsUser: LOCAL_USERS.admin.username } }).catch((e: Error) => {
    throw new SfcheckError('SFCHECK_EMULATOR_START', `the embedded emulator did not start: ${e.message}`, 'free a local port or run with --debug');
  });
}

export class LocalFlowValues {
  private readonly refresh = new Map<string, Promise<string>>();

  constructor(private readonly emu: StartedEmulator) {}

  /** A refresh token of a local user, by driving the authorize pages once per user. */
  private async refreshTokenOf(who: 'admin' | 'salesRep'): Promise<string> {
    let token = this.refresh.get(who);
    if (!token) {
      const { LOCAL_USERS } = await import('../emulator');
      const user = LOCAL_USERS[who];
      const c = this.emu.credentials;
      token = consentOverHttp({ loginUrl: this.emu.url, clientId: c.clientId, clientSecret: c.clientSecret, redirectUri: c.redirectUri, username: user.username, password: user.password }).then((t) => t.refresh_token);
      this.refresh.set(who, token);
    }
    return token;
  }

  /** What re-authentication needs besides the environment: the app certificate's key and the login host as `aud`. */
  grantExtras(): { jwtKeyPem: string; jwtAudience: string } {
    return { jwtKeyPem: this.emu.local.jwtPrivateKeyPem, jwtAudience: this.emu.loginUrl };
  }

  async valuesFor(flow: VerifyFlow): Promise<Partial<Record<EnvKey, string>>> {
    const c = this.emu.credentials;
    switch (flow) {
      case 'jwt':
        return { jwt_assertion: await signAssertion(this.emu.local.jwtPrivateKeyPem, { clientId: c.clientId, username: c.username, audience: this.emu.loginUrl }) };
      case 'uca':
        return { refresh_token: await this.refreshTokenOf('salesRep') };
      case 'user-access':
        return { refresh_token: await this.refreshTokenOf('salesRep'), admin_refresh_token: await this.refreshTokenOf('admin') };
      default:
        return {};
    }
  }
}
