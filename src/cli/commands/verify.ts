/**
 * verify: the main job. Generates the documented requests, runs them against the embedded emulator (--env local, the
 * default), a real org (--env sandbox|production, secrets from SF_ variables) or a Postman environment file, and reports.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import type { RunningEmulator } from '../../emulator';
import { SfcheckError } from '../../errors';
import { FLOWS } from '../../spec';
import {
  DEFAULT_API_VERSION,
  NAMED_ENVS,
  loadProcessVariables,
  orgValues,
  readEnvironmentFile,
  withValues,
} from '../environment';
import { execute } from '../execute';
import type { EnvironmentInput } from '../../engine';
import { addRunOptions, finishRun, runOptionsOf, type RawRunOptions } from './shared';

export function registerVerify(program: Command, setExit: (code: number) => void): void {
  const cmd = program
    .command('verify')
    .description('prove the Connected App works: token, versions, SOQL queries and userinfo, with schema checks')
    .option('--env <env>', `local (embedded emulator), sandbox, production, or a Postman environment file`, 'local');
  addRunOptions(cmd).action(async (raw: RawRunOptions & { env: string }) => {
    const opts = runOptionsOf(raw);
    // Loaded on use, like the emulator: `run` and `merge-reports` need neither.
    const { buildCollection, buildEnvironment, localEnvironmentValues, orgEnvironmentValues } = await import('../../generate');
    const flow = FLOWS[0];
    if (!flow) throw new SfcheckError('SFCHECK_USAGE', 'no flow is defined', 'this is a bug in sfcheck');
    const collection = buildCollection(flow);
    let emulator: RunningEmulator | undefined;
    try {
      let environment: EnvironmentInput;
      if (raw.env === 'local') {
        const { startEmulator } = await import('../../emulator');
        emulator = await startEmulator({ port: 0 }).catch((e: Error) => {
          throw new SfcheckError('SFCHECK_EMULATOR_START', `the embedded emulator did not start: ${e.message}`, 'free a local port or run with --debug');
        });
        environment = buildEnvironment('local', localEnvironmentValues({ url: emulator.url, credentials: emulator.credentials }, DEFAULT_API_VERSION)) as EnvironmentInput;
        process.stdout.write(`embedded Salesforce emulator on ${emulator.url}\n`);
      } else if (raw.env === 'sandbox' || raw.env === 'production') {
        const values = orgValues(raw.env, loadProcessVariables(process.cwd()));
        environment = withValues(buildEnvironment(raw.env, orgEnvironmentValues(raw.env, DEFAULT_API_VERSION)) as EnvironmentInput, values);
      } else if (existsSync(raw.env)) {
        environment = readEnvironmentFile(raw.env);
      } else {
        throw new SfcheckError(
          'SFCHECK_UNKNOWN_ENV',
          `unknown environment "${raw.env}"`,
          `use one of ${NAMED_ENVS.join(', ')}, or the path of a Postman environment file`,
        );
      }
      const result = await execute({ ...opts, collection, environment });
      setExit(finishRun(result));
    } finally {
      await emulator?.close();
    }
  });
}
