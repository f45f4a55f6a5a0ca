/**
 * verify: the main job. Generates the documented requests of each flow (password, client credentials, JWT bearer,
 * user consent, user-level access), runs them against the embedded emulator (--env local, the default), a real org
 * (--env sandbox|production, secrets from SF_ variables and `sfcheck login`) or a Postman environment file, and reports.
 * One run per flow; with several flows each writes its own report files (flow id in the name) and junit.xml merges them.
 */
import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { EnvironmentInput, GrantConfig } from '../../engine';
import type { StartedEmulator } from '../../emulator';
import { SfcheckError } from '../../errors';
import { HTML_FILE, JUNIT_FILE, mergeJunit, REPORT_JSON_FILE, writeReportFile, xmlEscape, type ReportExports } from '../../report';
import type { EnvKey, FlowSpec } from '../../spec';
import { DEFAULT_API_VERSION, NAMED_ENVS, loadProcessVariables, orgValues, readEnvironmentFile, withValues } from '../environment';
import { execute } from '../execute';
import { readText } from '../files';
import { FLOW_SPECS, grantFamily, grantFor, OPT_IN_FLOWS, parseFlows, planOrgFlows, scenarioFlows, VERIFY_FLOWS, type VerifyFlow } from '../flows';
import { signAssertionFromFile } from '../jwt';
import { readLogin } from '../login/store';
import { LocalFlowValues, scenarioNamed, startLocalEmulator } from '../verify-local';
import { diagnosisCodes } from '../../check';
import { preflight } from '../preflight';
import { preflightLines } from '../../report/diagnosis';
import { USER_CONSENT_SCOPE } from '../../spec';
import { addRunOptions, finishRun, runOptionsOf, type RawRunOptions } from './shared';

type Values = Partial<Record<EnvKey, string>>;
interface PlannedRun {
  flow: VerifyFlow;
  environment: () => Promise<EnvironmentInput>;
  /** Read after environment(): a collection to run instead of the flow's (local consent refused under --scenario). */
  replacement?: () => FlowSpec | undefined;
  /** The native engine's re-authentication for this flow, from the run's environment. */
  auth?: (env: EnvironmentInput) => GrantConfig | undefined;
}

/** The JWT flow's key for re-authentication: read here by the CLI (the engine never reads files). */
function jwtExtras(flow: VerifyFlow, vars: Record<string, string | undefined>): { jwtKeyPem?: string; jwtAudience?: string } {
  const file = vars['SF_JWT_KEY_FILE'];
  if (flow !== 'jwt' || !file) return {};
  return { jwtKeyPem: readText(file, 'JWT key file (SF_JWT_KEY_FILE)'), ...(vars['SF_JWT_AUDIENCE'] ? { jwtAudience: vars['SF_JWT_AUDIENCE'] } : {}) };
}

const DEFAULT_FILES: Readonly<Record<keyof ReportExports, string>> = { junit: JUNIT_FILE, json: REPORT_JSON_FILE, html: HTML_FILE };

/** reports/junit.xml -> reports/junit-uca.xml */
function flowFile(path: string, flow: string): string {
  const ext = extname(path);
  return `${ext ? path.slice(0, -ext.length) : path}-${flow}${ext}`;
}

function flowExports(reporters: string[], outDir: string, exports: ReportExports, flow: string): ReportExports {
  const out: ReportExports = {};
  for (const name of Object.keys(DEFAULT_FILES) as Array<keyof ReportExports>) {
    if (reporters.includes(name)) out[name] = flowFile(exports[name] ?? resolve(outDir, DEFAULT_FILES[name]), flow);
  }
  return out;
}

/** Values of a JWT flow on a real org or an environment file: the assertion signed from SF_JWT_KEY_FILE. */
async function jwtValues(vars: Record<string, string | undefined>, v: { clientId?: string; username?: string; loginUrl?: string }): Promise<Values> {
  const file = vars['SF_JWT_KEY_FILE'];
  if (!file) return {};
  const audience = vars['SF_JWT_AUDIENCE'] || v.loginUrl || '';
  return { jwt_assertion: await signAssertionFromFile(file, { clientId: v.clientId ?? '', username: v.username ?? '', audience }) };
}

function missingInFile(file: string, flow: VerifyFlow, key: string, variable: string): SfcheckError {
  return new SfcheckError('SFCHECK_MISSING_VARIABLES', `--flow ${flow} needs "${key}" in ${file}, which is empty`, `fill it in the environment file, or set ${variable}`);
}

function valueOf(env: EnvironmentInput, key: string): string | undefined {
  return env.values.find((v) => v.key === key)?.value;
}

export function registerVerify(program: Command, setExit: (code: number) => void): void {
  const cmd = program
    .command('verify')
    .description('prove the Connected App works: each OAuth flow, then versions, SOQL queries and userinfo, with schema checks')
    .option('--env <env>', `local (embedded emulator), sandbox, production, or a Postman environment file`, 'local')
    .option(
      '--flow <flow>',
      `${VERIFY_FLOWS.join(', ')} or all, or a comma-separated list; all is every read-only flow, ${OPT_IN_FLOWS.join(', ')} (changes data) runs only when named (default: all for local; for sandbox/production the flows whose SF_ variables are set; password for an environment file)`,
    )
    .option('--scenario <name>', 'with --env local: reproduce a misconfiguration in the emulator (sfcheck emulator --scenario list)');
  addRunOptions(cmd).action(async (raw: RawRunOptions & { env: string; flow?: string; scenario?: string }) => {
    const opts = runOptionsOf(raw);
    // Loaded on use, like the emulator: `run` and `merge-reports` need neither.
    const { buildCollection, buildEnvironment, localEnvironmentValues, orgEnvironmentValues } = await import('../../generate');
    const explicit = raw.flow !== undefined;
    const isNamed = (NAMED_ENVS as readonly string[]).includes(raw.env);
    if (!isNamed && !existsSync(raw.env)) {
      throw new SfcheckError('SFCHECK_UNKNOWN_ENV', `unknown environment "${raw.env}"`, `use one of ${NAMED_ENVS.join(', ')}, or the path of a Postman environment file`);
    }
    if (raw.scenario !== undefined && raw.env !== 'local') {
      throw new SfcheckError('SFCHECK_USAGE', `--scenario needs --env local (got --env ${raw.env})`, 'scenarios reproduce misconfigurations in the embedded emulator only');
    }
    const scenario = raw.scenario === undefined ? undefined : scenarioNamed(raw.scenario);
    const flows = raw.flow === undefined && scenario ? scenarioFlows(scenario.flows) : parseFlows(raw.flow ?? (isNamed ? 'all' : 'password'));
    let emulator: StartedEmulator | undefined;
    try {
      const runs: PlannedRun[] = [];
      const skipped: Array<{ flow: VerifyFlow; why: string }> = [];
      if (raw.env === 'local') {
        const emu = (emulator = await startLocalEmulator(scenario));
        const base = buildEnvironment('local', localEnvironmentValues({ url: emu.url, credentials: emu.credentials }, DEFAULT_API_VERSION)) as EnvironmentInput;
        const local = new LocalFlowValues(emu, scenario);
        process.stdout.write(`embedded Salesforce emulator on ${emu.url}${scenario ? ` (scenario ${scenario.name}: ${scenario.summary})` : ''}\n`);
        for (const flow of flows) runs.push({ flow, environment: async () => withValues(base, await local.valuesFor(flow)), replacement: () => local.replacementFor(flow), auth: (e) => grantFor(flow, e, local.grantExtras()) });
      } else if (raw.env === 'sandbox' || raw.env === 'production') {
        const env = raw.env;
        const vars = loadProcessVariables(process.cwd());
        const common = orgValues(env, vars, []); // checks the URLs and the API version whatever the flow
        const plan = planOrgFlows(env, vars, flows, explicit);
        skipped.push(...plan.skipped);
        const base = withValues(buildEnvironment(env, orgEnvironmentValues(env, DEFAULT_API_VERSION)) as EnvironmentInput, common);
        for (const { flow, extra } of plan.run) {
          // A bad SF_JWT_KEY_FILE stops the run before any request: sign once now, again just before the JWT flow.
          if (flow === 'jwt') await jwtValues(vars, { clientId: valueOf(base, 'client_id'), username: valueOf(base, 'username'), loginUrl: valueOf(base, 'login_url') });
          runs.push({
            flow,
            environment: async () => {
              const e = withValues(base, extra);
              const jwt = flow === 'jwt' ? await jwtValues(vars, { clientId: valueOf(e, 'client_id'), username: valueOf(e, 'username'), loginUrl: valueOf(e, 'login_url') }) : {};
              return withValues(e, jwt);
            },
            auth: (e) => grantFor(flow, e, jwtExtras(flow, vars)),
          });
        }
      } else {
        const file = readEnvironmentFile(raw.env);
        const vars = loadProcessVariables(process.cwd());
        for (const flow of flows) {
          // Checked before any request runs; only the JWT is signed at the last moment (it expires in 2 minutes).
          const extra: Values = {};
          if ((flow === 'uca' || flow === 'user-access') && !valueOf(file, 'refresh_token')) {
            const token = vars['SF_REFRESH_TOKEN'] || readLogin(raw.env)?.refresh_token;
            if (!token) throw missingInFile(raw.env, flow, 'refresh_token', 'SF_REFRESH_TOKEN (or `sfcheck login`)');
            extra.refresh_token = token;
          }
          if (flow === 'user-access' && !valueOf(file, 'admin_refresh_token')) {
            const token = vars['SF_ADMIN_REFRESH_TOKEN'] || readLogin(raw.env, 'admin')?.refresh_token;
            if (!token) throw missingInFile(raw.env, flow, 'admin_refresh_token', 'SF_ADMIN_REFRESH_TOKEN (or `sfcheck login --admin`)');
            extra.admin_refresh_token = token;
          }
          const sign = flow === 'jwt' && !valueOf(file, 'jwt_assertion');
          if (sign && !vars['SF_JWT_KEY_FILE']) throw missingInFile(raw.env, flow, 'jwt_assertion', 'SF_JWT_KEY_FILE (sfcheck signs the assertion)');
          runs.push({
            flow,
            environment: async () => {
              const jwt = sign ? await jwtValues(vars, { clientId: valueOf(file, 'client_id'), username: valueOf(file, 'username'), loginUrl: valueOf(file, 'login_url') }) : {};
              return withValues(file, { ...extra, ...jwt });
            },
            auth: (e) => grantFor(flow, e, jwtExtras(flow, vars)),
          });
        }
      }
      for (const s of skipped) process.stdout.write(`skipped: --flow ${s.flow} (${s.why})\n`);
      setExit(await runAll(runs, opts, buildCollection, skipped));
    } finally {
      await emulator?.close();
    }
  });
}

/** A flow that could not run (its variables are missing), as a JUnit report with one skipped case. */
function skippedFlowJunit(flow: VerifyFlow, why: string): string {
  const reason = xmlEscape(`not run: ${why}`);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="1" failures="0" errors="0" time="0.000">\n` +
    `  <testsuite name="flow not run" tests="1" failures="0" errors="0" skipped="1" time="0.000" timestamp="${new Date().toISOString().slice(0, 19)}" hostname="localhost">\n` +
    `    <testcase name="--flow ${flow}" classname="flow not run" time="0.000">\n      <skipped message="${reason}"/>\n    </testcase>\n` +
    `  </testsuite>\n</testsuites>\n`
  );
}

async function runAll(
  runs: PlannedRun[],
  opts: ReturnType<typeof runOptionsOf>,
  buildCollection: (f: (typeof FLOW_SPECS)[VerifyFlow]) => object,
  skipped: ReadonlyArray<{ flow: VerifyFlow; why: string }> = [],
): Promise<number> {
  const single = runs.length === 1;
  let exitCode = 0;
  const verdicts: string[] = [];
  const junitFiles: Array<{ label: string; file: string }> = [];
  for (const { flow, environment, replacement, auth } of runs) {
    const spec = FLOW_SPECS[flow];
    if (!single) process.stdout.write(`\n── flow ${flow}: ${spec.name}\n`);
    const exports = single ? opts.exports : flowExports(opts.reporters, opts.outDir, opts.exports, flow);
    const env = await environment();
    // Offline checks first (nothing is sent): printed now, recorded in the reports.
    const uca = flow === 'uca' || flow === 'user-access';
    const findings = preflight({ flow: grantFamily(flow), values: Object.fromEntries(env.values.map((v) => [v.key, v.value])), ...(uca ? { requestedScope: USER_CONSENT_SCOPE } : {}) });
    process.stdout.write(`preflight (offline, before any request):\n${preflightLines(findings, '  ').join('\n')}\n`);
    const family = grantFamily(flow);
    const context = { flow: family === 'uca' || family === 'user-access' ? ('uca' as const) : family };
    const grant = auth?.(env);
    const result = await execute({ ...opts, exports, collection: buildCollection(replacement?.() ?? spec), environment: env, context, preflight: findings, ...(grant ? { auth: grant } : {}) });
    exitCode = Math.max(exitCode, finishRun(result));
    const codes = [...new Set(diagnosisCodes(result.run))];
    verdicts.push(`${flow} ${result.interrupted ? `stopped by ${result.interrupted}` : result.run.summary.verdict}${codes.length ? ` (${codes.join(', ')})` : ''}`);
    if (exports.junit) junitFiles.push({ label: flow, file: exports.junit });
    if (result.interrupted) {
      exitCode = result.exitCode; // 130 / 143: the later flows do not start
      break;
    }
  }
  const junit = opts.reporters.includes('junit') ? opts.exports.junit ?? join(opts.outDir, JUNIT_FILE) : undefined;
  // Flows that could not run (missing variables) are <skipped> in the JUnit CI reads, not just a line on the terminal.
  const notRun = skipped.map((s) => ({ label: s.flow, xml: skippedFlowJunit(s.flow, s.why) }));
  if (!single) {
    if (junit && junitFiles.length + notRun.length > 0) {
      const ran = junitFiles.map((j) => ({ label: j.label, xml: readFileSync(j.file, 'utf8') }));
      const merged = mergeJunit([...ran, ...notRun], 'sfcheck verify (all flows)');
      process.stdout.write(`report: ${writeReportFile(opts.outDir, junit, merged)} (every flow)\n`);
    }
    process.stdout.write(`\nflows: ${verdicts.join(' · ')}\n`);
  } else if (junit && notRun.length > 0 && existsSync(resolve(opts.outDir, junit)) && runs[0]) {
    // One flow ran: the single-run file names stay, and its junit.xml also lists the flows that could not run.
    const ran = { label: runs[0].flow, xml: readFileSync(resolve(opts.outDir, junit), 'utf8') };
    writeReportFile(opts.outDir, junit, mergeJunit([ran, ...notRun], 'sfcheck verify'));
  }
  return exitCode;
}
