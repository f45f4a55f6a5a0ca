/** Runs a collection with an engine and reporters, then maps the verdict to an exit code. */
import { check, type CheckedRun, type DiagnosisContext, type PreflightFinding } from '../check';
import { engineByName, type EnvironmentInput, type GrantConfig, type RequestResult, type RunInput, type RunListener } from '../engine';
import { EXIT, SfcheckError, type ExitCode } from '../errors';
import { exitCodeOfSignal, interruptedRun, watchSignals, type StopSignal } from './interrupt';
import { INSECURE_NOTE, Redactor, reporterFactory, ttyProgress, type Reporter, type ReportExports } from '../report';

export interface ExecuteOptions {
  collection: unknown;
  environment?: EnvironmentInput;
  /** -g FILE and --global-var. */
  globals?: EnvironmentInput;
  /** --folder (repeatable), checked against the collection beforehand. */
  folders?: string[];
  /** -d FILE, parsed. */
  iterationData?: Array<Record<string, unknown>>;
  /** -n. */
  iterationCount?: number;
  /** --max-steps: the setNextRequest loop guard. */
  maxSteps?: number;
  /** --working-dir: base folder of file references in bodies. */
  workingDir?: string;
  engine: string;
  reporters: string[];
  outDir: string;
  color: boolean;
  timeoutRequestMs?: number;
  /** --timeout: the whole-run deadline in ms. */
  timeoutMs?: number;
  /** --retries (native engine). */
  retries?: number;
  /** How the native engine re-authenticates on 401 INVALID_SESSION_ID (verify builds it from the flow). */
  auth?: GrantConfig;
  /** --ssl-extra-ca-certs, read and checked (ca-certs.ts). */
  extraCaCerts?: { file: string; pem: string[] };
  /** -k/--insecure: server certificates are not verified. */
  insecure?: boolean;
  write?: (line: string) => void;
  /** --reporter-junit-export FILE and friends (absolute paths). */
  exports?: ReportExports;
  verbose?: boolean;
  /** Rewrite a progress line in place on stdout (a TTY outside CI). */
  progress?: boolean;
  /** What the caller knows for the diagnosis (verify: the flow). */
  context?: DiagnosisContext;
  /** verify's offline checks, recorded in the reports. */
  preflight?: PreflightFinding[];
}

export interface ExecuteResult {
  exitCode: ExitCode;
  run: CheckedRun;
  files: string[];
  /** Set when SIGINT/SIGTERM stopped the run: the caller must not start anything else. */
  interrupted?: StopSignal;
}

export function parseReporters(list: string): string[] {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new SfcheckError('SFCHECK_UNKNOWN_REPORTER', 'no reporter given', 'use -r cli,junit,json (any of them)');
  for (const n of names) reporterFactory(n); // validates before anything runs
  return [...new Set(names)];
}

/** RunResult.error.code of a run the setNextRequest loop guard stopped (src/engine/native/flow.ts). */
const FLOW_LOOP_CODE = 'SFCHECK_FLOW_LOOP';

export function exitCodeOf(run: CheckedRun): ExitCode {
  // A collection whose setNextRequest calls never end is bad input, whatever the requests did.
  if (run.error?.code === FLOW_LOOP_CODE) return EXIT.USAGE;
  return run.summary.verdict === 'passed' ? EXIT.OK : run.summary.verdict === 'failed' ? EXIT.CHECK_FAILED : EXIT.RUNTIME;
}

export async function execute(opts: ExecuteOptions): Promise<ExecuteResult> {
  const engine = engineByName(opts.engine);
  const redactor = new Redactor().addProcessSecrets();
  if (opts.environment) redactor.addVariables(opts.environment.values);
  if (opts.globals) redactor.addVariables(opts.globals.values);
  const write = opts.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const completed: RequestResult[] = [];
  const progress = opts.progress && !opts.write ? ttyProgress(process.stdout) : undefined;
  const reporters: Reporter[] = opts.reporters.map((n) =>
    reporterFactory(n)({
      outDir: opts.outDir,
      redactor,
      write,
      color: opts.color,
      ...(opts.exports ? { exports: opts.exports } : {}),
      ...(opts.verbose ? { verbose: true } : {}),
      ...(progress ? { progress } : {}),
    }),
  );
  const listener: RunListener = {
    onRunStart: (i) => reporters.forEach((r) => r.onRunStart?.(i)),
    onRequestStart: (i) => reporters.forEach((r) => r.onRequestStart?.(i)),
    onRequestEnd: (res, i) => {
      completed.push(res);
      redactor.learnFromRequest(res);
      reporters.forEach((r) => r.onRequestEnd?.(res, i));
    },
    onWarning: (m) => reporters.forEach((r) => r.onWarning?.(m)),
    onRunEnd: (run) => reporters.forEach((r) => r.onRunEnd?.(run)),
  };
  if (opts.insecure) listener.onWarning?.(INSECURE_NOTE);
  let raw;
  let interrupted: StopSignal | undefined;
  const started = Date.now();
  const signals = watchSignals();
  try {
    const input: RunInput = {
      collection: opts.collection,
      ...(opts.environment ? { environment: opts.environment } : {}),
      ...(opts.globals ? { globals: opts.globals } : {}),
      ...(opts.folders?.length ? { folders: opts.folders } : {}),
      ...(opts.iterationData ? { iterationData: opts.iterationData } : {}),
      ...(opts.iterationCount !== undefined ? { iterationCount: opts.iterationCount } : {}),
      ...(opts.maxSteps !== undefined ? { maxSteps: opts.maxSteps } : {}),
      ...(opts.workingDir ? { workingDir: opts.workingDir } : {}),
      ...(opts.timeoutRequestMs ? { timeoutRequestMs: opts.timeoutRequestMs } : {}),
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.retries !== undefined ? { retries: opts.retries } : {}),
      ...(opts.auth ? { auth: opts.auth } : {}),
      ...(opts.extraCaCerts ? { extraCaCerts: opts.extraCaCerts } : {}),
      ...(opts.insecure ? { insecure: true } : {}),
    };
    const outcome = await Promise.race([
      engine.run(input, listener),
      signals.signal,
    ]);
    if (typeof outcome === 'string') {
      // Stopped: report what completed, the rest as skipped; the caller exits (the engine is abandoned, not awaited).
      interrupted = outcome;
      progress?.('');
      raw = interruptedRun({
        engine: engine.name,
        collection: opts.collection,
        ...(opts.environment ? { environment: opts.environment } : {}),
        ...(opts.folders?.length ? { folders: opts.folders } : {}),
        ...(opts.iterationData ? { iterationData: opts.iterationData } : {}),
        ...(opts.iterationCount !== undefined ? { iterationCount: opts.iterationCount } : {}),
        started,
        completed,
        signal: outcome,
      });
    } else {
      raw = outcome;
    }
  } catch (e) {
    progress?.('');
    throw new SfcheckError('SFCHECK_ENGINE_CRASH', `the ${engine.name} engine failed: ${redactor.text((e as Error).message)}`, 'run again with --debug and report the issue', { cause: e });
  } finally {
    signals.dispose();
  }
  redactor.learnFromRun(raw);
  const checked = check(raw, opts.context);
  const run: CheckedRun = { ...checked, ...(opts.preflight ? { preflight: opts.preflight } : {}), ...(opts.insecure ? { certificatesNotVerified: true as const } : {}) };
  for (const r of reporters) await r.onChecked?.(run);
  const files = reporters.flatMap((r) => r.files?.() ?? []);
  if (interrupted) return { exitCode: exitCodeOfSignal(interrupted), run, files, interrupted };
  return { exitCode: exitCodeOf(run), run, files };
}
