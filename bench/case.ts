/**
 * One measured run in its own process, so peak RSS belongs to it alone. Prints one JSON line:
 * {wallMs, maxRssMb, requests, passed, cpuMs}. Usage: node case.js ENGINE N URL   (ENGINE: native | newman | raw)
 *
 * The clock covers the run and its check only: the collection and environment are generated before it starts (the
 * raw loop gets its flow ready-made too; `sfcheck run` reads a collection file), and the credentials come from the
 * emulator's config module alone, not the whole emulator (which is not part of an engine run's memory).
 */
import { check } from '../src/check';
import { engineByName } from '../src/engine';
import { buildEnvironment, DEFAULT_API_VERSION, localEnvironmentValues } from '../src/generate';
import { LOCAL_CREDENTIALS } from '../src/emulator/config';
import { bigCollection, benchCollection, benchFlow, queryMoreCollection } from './collection';
import { rawLoop } from './raw';

async function main(): Promise<void> {
  const [engine = 'native', nText = '1', url = ''] = process.argv.slice(2);
  const n = Number(nText);
  const values = localEnvironmentValues({ url, credentials: LOCAL_CREDENTIALS }, DEFAULT_API_VERSION);
  const environment = buildEnvironment('local', values) as never;
  const big = nText === 'big';
  // more:B = token, query, then B queryMore batches (bench/collection.ts queryMoreCollection).
  const more = nText.startsWith('more:') ? Number(nText.slice('more:'.length)) : undefined;
  const flow = engine === 'raw' && !big && more === undefined ? benchFlow(n) : undefined;
  const collection = flow ? undefined : big ? bigCollection(url) : more !== undefined ? queryMoreCollection(more) : benchCollection(n);
  const started = process.hrtime.bigint();
  let requests = 0;
  let passed = false;
  if (flow) {
    const r = await rawLoop(flow, values);
    requests = r.requests;
    passed = r.failures === 0;
  } else {
    // The large body: one GET of ~30 MB with a jsonSchema check; the script limit is raised so the slowest engine can finish.
    const run = check(await engineByName(engine).run({ collection, environment, ...(big ? { scriptTimeoutMs: 120_000 } : {}) }));
    requests = run.requests.length;
    passed = run.summary.verdict === 'passed';
  }
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const usage = process.resourceUsage();
  const maxRssMb = usage.maxRSS / 1024;
  // CPU time of the whole process (every thread: the sandbox worker's too), from its start; less noisy than wall time
  // on a loaded machine, so A/B comparisons (bench/overhead.ts) print it beside the wall time.
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stdout.write(`${JSON.stringify({ wallMs, maxRssMb, requests, passed, cpuMs })}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${String((e as Error).stack ?? e)}\n`);
    process.exit(1);
  },
);
