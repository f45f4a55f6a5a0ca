/** emulator: the embedded Salesforce-compatible org, standalone, until Ctrl-C. */
import type { Command } from 'commander';
import { SfcheckError } from '../../errors';

export function registerEmulator(program: Command): void {
  program
    .command('emulator')
    .description('run the Salesforce-compatible emulator on 127.0.0.1 (for Postman or other clients)')
    .option('--port <port>', 'TCP port (0 picks a free one)', '4010')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (opts: { port: string; host: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new SfcheckError('SFCHECK_USAGE', `--port must be a whole number from 0 to 65535, got "${opts.port}"`, 'e.g. --port 4010');
      }
      // Loaded on use: the emulator (SOQL parser, SQLite) is not needed by the other commands.
      const { startEmulator } = await import('../../emulator');
      const emu = await startEmulator({ port, host: opts.host }).catch((e: NodeJS.ErrnoException) => {
        throw new SfcheckError(
          'SFCHECK_EMULATOR_START',
          `the emulator could not listen on ${opts.host}:${port}: ${e.code ?? e.message}`,
          e.code === 'EADDRINUSE' ? 'another process uses that port: pick another with --port' : 'check --host and --port',
        );
      });
      const c = emu.credentials;
      process.stdout.write(
        [
          `Salesforce emulator listening on ${emu.url}`,
          '',
          'Local-only credentials (they work nowhere else):',
          `  login_url       ${emu.url}`,
          `  client_id       ${c.clientId}`,
          `  client_secret   ${c.clientSecret}`,
          `  username        ${c.username}`,
          `  password        ${c.password}`,
          `  security_token  ${c.securityToken}`,
          `  redirect_uri    ${c.redirectUri}`,
          '',
          'Import environments/local.postman_environment.json into Postman to use it. Ctrl-C stops it.',
          '',
        ].join('\n'),
      );
      await new Promise<void>((done) => {
        const stop = () => void emu.close().then(done);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
