import type { Command } from 'commander';
import { readCollectionFile } from '../collection';
import { readEnvironmentFile } from '../environment';
import { execute } from '../execute';
import { addRunOptions, finishRun, runOptionsOf, type RawRunOptions } from './shared';

export function registerRun(program: Command, setExit: (code: number) => void): void {
  const cmd = program
    .command('run')
    .description('run any Postman collection: a v2.0/v2.1 JSON file or a v3 (YAML) collection folder')
    .argument('<collection>', 'a Postman collection JSON file, or a v3 collection folder')
    .option('-e, --environment <file>', 'a Postman environment: JSON, or v3 *.environment.yaml');
  addRunOptions(cmd).action(async (file: string, raw: RawRunOptions & { environment?: string }) => {
    const opts = runOptionsOf(raw);
    const collection = readCollectionFile(file);
    const environment = raw.environment ? readEnvironmentFile(raw.environment) : undefined;
    const result = await execute({ ...opts, collection, ...(environment ? { environment } : {}) });
    setExit(finishRun(result));
  });
}
