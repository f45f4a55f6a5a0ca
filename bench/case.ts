/**
 * One measured run in its own process, so peak RSS belongs to it alone. Prints one JSON line:
 * {wallMs, maxRssMb, requests, passed}. Usage: node case.js ENGINE N URL   (ENGINE: native | newman | raw)
 */
import { check } from '../src/check';
import { engineByName } from '../src/engine';
import { buildEnvironment, DEFAULT_API_VERSION, localEnvironmentValues } from '../src/generate';
import { LOCAL_CREDENTIALS } from '../src/emulator';
import { bigCollection, benchCollection, benchFlow } from './collection';
import { rawLoop } from './raw';

async function main(): Promise<void> {
  const [engine = 'native', nText = '1', url = ''] = process.argv.slice(2);
  const n = Number(nText);
  const values = localEnvironmentValues({ url, credentials: LOCAL_CREDENTIALS }, DEFAULT_API_VERSION);
  const started = process.hrtime.bigint();
  let requests = 0;
  let passed = false;
  if (nText === 'big') {
    // One GET of a ~30 MB body with a jsonSchema check; the script limit is raised so the slowest engine can finish.
    const run = check(
      await engineByName(engine).run({ collection: bigCollection(url), environment: buildEnvironment('local', values) as never, scriptTimeoutMs: 120_000 }),
    );
    requests = run.requests.length;
    passed = run.summary.verdict === 'passed';
  } else if (engine === 'raw') {
    const r = await rawLoop(benchFlow(n), values);
    requests = r.requests;
    passed = r.failures === 0;
  } else {
    const collection = benchCollection(n);
    const environment = buildEnvironment('local', values) as never;
    const run = check(await engineByName(engine).run({ collection, environment }));
    requests = run.requests.length;
    passed = run.summary.verdict === 'passed';
  }
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ wallMs, maxRssMb, requests, passed })}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${String((e as Error).stack ?? e)}\n`);
    process.exit(1);
  },
);
