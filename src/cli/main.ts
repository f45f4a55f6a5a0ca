#!/usr/bin/env node
/** sfcheck's entry point: wires commands and owns exit codes. */
import { Command, CommanderError } from 'commander';
import { lookup } from '../check';
import { EXIT, isSfcheckError } from '../errors';
import { Redactor } from '../report';
import { loadProcessVariables } from './environment';
import { registerEmulator } from './commands/emulator';
import { registerExplain } from './commands/explain';
import { registerGenerate } from './commands/generate';
import { registerLogin } from './commands/login';
import { registerMergeReports } from './commands/merge-reports';
import { registerRun } from './commands/run';
import { registerVerify } from './commands/verify';

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.OK;
  const setExit = (code: number) => {
    exitCode = code;
  };
  // --debug is accepted anywhere on the line (before or after the command name).
  const debug = argv.includes('--debug');
  argv = argv.filter((a) => a !== '--debug');
  const program = new Command()
    .name('sfcheck')
    .description('Proves a Salesforce Connected App works, and keeps proving it.')
    .option('--debug', 'show stack traces for errors')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(errorRedactor().text(s)) })
    .showHelpAfterError('(run with --help for usage)');
  registerVerify(program, setExit);
  registerLogin(program, setExit);
  registerRun(program, setExit);
  registerGenerate(program, setExit);
  registerEmulator(program);
  registerMergeReports(program, setExit);
  registerExplain(program, setExit);
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError('(run with --help for usage)');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version are not errors.
      return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    // Error messages can quote a value (a URL, a variable): SF_ secrets from the environment and .env are masked.
    const red = errorRedactor();
    if (isSfcheckError(e)) {
      process.stderr.write(red.text(`sfcheck: ${e.message}\n  how to fix: ${e.hint}\n  [${e.code}]\n`));
      // An error that quotes Salesforce (a refused login or consent) names its diagnosis too.
      const found = lookup(e.message);
      const d = found.kind === 'match' ? found.diagnoses[0] : undefined;
      if (d) process.stderr.write(red.text(`  diagnosis ${d.code}: ${d.title} (sfcheck explain ${d.code})\n`));
      if (debug && e.cause) process.stderr.write(`${red.text(String((e.cause as Error).stack ?? e.cause))}\n`);
      return e.exitCode;
    }
    process.stderr.write(red.text(`sfcheck: unexpected error: ${(e as Error).message ?? String(e)}\n  how to fix: run again with --debug and report it\n`));
    if (debug) process.stderr.write(`${red.text((e as Error).stack ?? '')}\n`);
    return EXIT.RUNTIME;
  }
}

function errorRedactor(): Redactor {
  const red = new Redactor().addProcessSecrets(process.env);
  try {
    red.addProcessSecrets(loadProcessVariables(process.cwd()));
  } catch {
    /* an unreadable .env is reported by the command that reads it */
  }
  return red;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      // Interrupted: the reports are written; exit now rather than wait for an abandoned engine's sockets and timers.
      if (code === EXIT.SIGINT || code === EXIT.SIGTERM) process.exit(code);
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT.RUNTIME;
    },
  );
}
