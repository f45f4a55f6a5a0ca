/**
 * The differential report: runs corpus cases through both engines and prints, per collection, every request that
 * differs (field, newman's value, native's value, allowed / pending / DIFF) and the agreement figures.
 *
 *   node dist/test/differential/report.js [--corpus NAME]... [--full] [--failing] [--json FILE]
 *
 * NAME is a case name or a group (features, generated, salesforce); repeat it for several. --full prints values
 * uncut; --failing prints only differences that are neither allowed nor pending; --json writes every comparison.
 * Exit code 0 when no difference fails (1 otherwise, 2 on bad arguments, 3 when the emulator or echo server fails).
 */
import { writeFileSync } from 'node:fs';
import type { CaseComparison } from './compare';
import { selectCorpus } from './corpus';
import { caseTable, summaryTable } from './format';
import { compareCase, runCase, startInfra, stopInfra, type CorpusCase, type Infra } from './harness';

interface Args {
  corpus: string[];
  full: boolean;
  failing: boolean;
  json?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { corpus: [], full: false, failing: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--corpus' && argv[i + 1]) args.corpus.push(argv[++i] as string);
    else if (a === '--full') args.full = true;
    else if (a === '--failing') args.failing = true;
    else if (a === '--json' && argv[i + 1]) args.json = argv[++i] as string;
    else throw new Error(`unknown argument "${a}": use --corpus NAME, --full, --failing, --json FILE`);
  }
  return args;
}

async function main(): Promise<number> {
  let args: Args;
  let cases: CorpusCase[];
  try {
    args = parseArgs(process.argv.slice(2));
    cases = selectCorpus(args.corpus);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  let infra: Infra | undefined;
  const comparisons: CaseComparison[] = [];
  try {
    infra = await startInfra();
    for (const c of cases) {
      const comparison = compareCase(c, await runCase(c, infra));
      comparisons.push(comparison);
      process.stdout.write(`${caseTable(comparison, { full: args.full, ...(args.failing ? { only: ['failing'] } : {}) })}\n\n`);
    }
  } catch (err) {
    process.stderr.write(`the differential run failed: ${(err as Error).message}\n`);
    return 3;
  } finally {
    await stopInfra(infra);
  }
  process.stdout.write(`${summaryTable(comparisons)}\n`);
  if (args.json) writeFileSync(args.json, `${JSON.stringify(comparisons, null, 2)}\n`);
  const failing = comparisons.some((c) => [...c.run, ...c.requests.flatMap((r) => r.differences)].some((d) => d.status === 'failing'));
  return failing ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exitCode = 3;
  },
);
