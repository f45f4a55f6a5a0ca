/** generate: writes collections/ and environments/ from the spec; --check only compares and exits 1 on a difference. */
import type { Command } from 'commander';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EXIT, SfcheckError } from '../../errors';
import { DEFAULT_API_VERSION } from '../environment';

/** The standalone emulator's default address: what the committed local environment points at. */
export const LOCAL_EMULATOR_URL = 'http://127.0.0.1:4010';

export function registerGenerate(program: Command, setExit: (code: number) => void): void {
  program
    .command('generate')
    .description('write the Postman collections and environments (collections/, environments/) from the spec')
    .option('--check', 'write nothing; exit 1 and name the files that differ from what would be written')
    .option('--dir <dir>', 'project folder to write into', '.')
    .action(async (opts: { check?: boolean; dir: string }) => {
      const { LOCAL_CREDENTIALS } = await import('../../emulator');
      const { diffGenerated, generateAll } = await import('../../generate');
      const root = resolve(opts.dir);
      const files = generateAll({ local: { url: LOCAL_EMULATOR_URL, credentials: LOCAL_CREDENTIALS }, apiVersion: DEFAULT_API_VERSION });
      if (opts.check) {
        const stale = diffGenerated(files, (p) => {
          const full = join(root, p);
          return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
        });
        if (stale.length > 0) {
          const err = new SfcheckError(
            'SFCHECK_GENERATED_STALE',
            `${stale.length} generated file${stale.length === 1 ? ' differs' : 's differ'} from the spec:\n${stale.map((s) => `  ${s}`).join('\n')}`,
            'run `npm run generate` and commit the result',
          );
          throw err;
        }
        process.stdout.write(`${files.length} generated files are up to date\n`);
        setExit(EXIT.OK);
        return;
      }
      for (const f of files) {
        const full = join(root, f.path);
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, f.content);
        process.stdout.write(`wrote ${f.path}\n`);
      }
      setExit(EXIT.OK);
    });
}
