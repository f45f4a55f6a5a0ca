import type { Command } from 'commander';
import { resolve } from 'node:path';
import { FolderSelectionError, checkFolders } from '../../engine/native/folders';
import { SfcheckError } from '../../errors';
import { readCollectionFile } from '../collection';
import { readIterationData } from '../data-file';
import { parseKeyValues, readEnvironmentFile, withPairs } from '../environment';
import { execute } from '../execute';
import { writeExports } from '../export';
import { addRunOptions, finishRun, runOptionsOf, type RawRunOptions } from './shared';

interface RawCollectionRunOptions extends RawRunOptions {
  environment?: string;
  globals?: string;
  envVar?: string[];
  globalVar?: string[];
  folder?: string[];
  iterationData?: string;
  iterationCount?: string;
  maxSteps?: string;
  workingDir?: string;
  exportEnvironment?: string;
  exportGlobals?: string;
  exportCollection?: string;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** A positive whole number (newman's --iteration-count rule), else a usage error naming the flag. */
function positiveInteger(flag: string, raw: string | undefined, example: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isSafeInteger(n) || n <= 0) {
    throw new SfcheckError('SFCHECK_USAGE', `${flag} must be a positive whole number, got "${raw}"`, `e.g. ${flag} ${example}`);
  }
  return n;
}

export function registerRun(program: Command, setExit: (code: number) => void): void {
  const cmd = program
    .command('run')
    .description('run any Postman collection: a v2.0/v2.1 JSON file or a v3 (YAML) collection folder')
    .argument('<collection>', 'a Postman collection JSON file, or a v3 collection folder')
    .option('-e, --environment <file>', 'a Postman environment: JSON, or v3 *.environment.yaml')
    .option('-g, --globals <file>', 'a Postman globals file (JSON)')
    .option('--env-var <key=value>', 'set an environment variable (repeatable)', collect)
    .option('--global-var <key=value>', 'set a global variable (repeatable)', collect)
    .option('--folder <name>', 'run only this folder or request, by name or id (repeatable; collection order)', collect)
    .option('-d, --iteration-data <file>', 'a data file, JSON array of objects or CSV: one iteration per row')
    .option('-n, --iteration-count <n>', 'number of iterations (default: the data rows, or 1)')
    .option('--max-steps <n>', 'stop a run whose setNextRequest calls jump more than N times in one iteration (default 1000)')
    .option('--working-dir <dir>', 'folder that file references in request bodies are relative to (default: the current one)')
    .option('--export-environment <file>', 'write the environment as the run ended (Postman JSON, owner-only)')
    .option('--export-globals <file>', 'write the globals as the run ended (Postman JSON, owner-only)')
    .option('--export-collection <file>', 'write the collection with its variables as the run ended (Postman JSON, owner-only)');
  addRunOptions(cmd).action(async (file: string, raw: RawCollectionRunOptions) => {
    const opts = runOptionsOf(raw);
    const folders = raw.folder ?? [];
    const iterationCount = positiveInteger('--iteration-count', raw.iterationCount, '3');
    const maxSteps = positiveInteger('--max-steps', raw.maxSteps, '5000');
    const envVars = parseKeyValues('--env-var', raw.envVar ?? []);
    const globalVars = parseKeyValues('--global-var', raw.globalVar ?? []);
    const collection = readCollectionFile(file);
    if (folders.length > 0) {
      try {
        checkFolders(collection, folders);
      } catch (e) {
        if (!(e instanceof FolderSelectionError)) throw e;
        throw new SfcheckError('SFCHECK_USAGE', `--folder: ${e.message}`, 'give --folder the name (or id) of a folder or request of the collection; names are case-sensitive');
      }
    }
    const environment = withPairs(raw.environment ? readEnvironmentFile(raw.environment) : undefined, 'command line', envVars);
    const globals = withPairs(raw.globals ? readEnvironmentFile(raw.globals, 'globals') : undefined, 'globals', globalVars);
    const iterationData = raw.iterationData ? readIterationData(raw.iterationData) : undefined;
    const result = await execute({
      ...opts,
      collection,
      ...(environment ? { environment } : {}),
      ...(globals ? { globals } : {}),
      ...(folders.length > 0 ? { folders } : {}),
      ...(iterationData ? { iterationData } : {}),
      ...(iterationCount !== undefined ? { iterationCount } : {}),
      ...(maxSteps !== undefined ? { maxSteps } : {}),
      ...(raw.workingDir ? { workingDir: resolve(raw.workingDir) } : {}),
    });
    const targets = { environment: raw.exportEnvironment, globals: raw.exportGlobals, collection: raw.exportCollection };
    if (targets.environment || targets.globals || targets.collection) {
      if (result.interrupted) {
        process.stderr.write('sfcheck: the run was interrupted: nothing exported (--export-* write the variables of a finished run)\n');
      } else {
        const written = writeExports(
          { ...(targets.environment ? { environment: targets.environment } : {}), ...(targets.globals ? { globals: targets.globals } : {}), ...(targets.collection ? { collection: targets.collection } : {}) },
          result.run,
          { collection, ...(globals ? { globalsName: globals.name } : {}), ...(environment ? { environmentName: environment.name } : {}) },
        );
        for (const f of written) process.stdout.write(`exported: ${f}\n`);
      }
    }
    setExit(finishRun(result));
  });
}
