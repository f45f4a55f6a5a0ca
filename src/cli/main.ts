#!/usr/bin/env node
/** sfcheck's entry point: wires commands and owns exit codes. */
import { Command, CommanderError } from 'commander';
import { EXIT, isSfcheckError } from '../errors';
import { registerEmulator } from './commands/emulator';
import { registerGenerate } from './commands/generate';
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
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');
  registerVerify(program, setExit);
  registerRun(program, setExit);
  registerGenerate(program, setExit);
  registerEmulator(program);
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError('(run with --help for usage)');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version are not errors.
      return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (isSfcheckError(e)) {
      process.stderr.write(`sfcheck: ${e.message}\n  how to fix: ${e.hint}\n  [${e.code}]\n`);
      if (debug && e.cause) process.stderr.write(`${String((e.cause as Error).stack ?? e.cause)}\n`);
      return e.exitCode;
    }
    process.stderr.write(`sfcheck: unexpected error: ${(e as Error).message ?? String(e)}\n  how to fix: run again with --debug and report it\n`);
    if (debug) process.stderr.write(`${(e as Error).stack ?? ''}\n`);
    return EXIT.RUNTIME;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT.RUNTIME;
    },
  );
}
