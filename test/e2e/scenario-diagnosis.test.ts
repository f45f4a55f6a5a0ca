/**
 * Issue #7's closing condition on the newman engine (test/cli/scenario.test.ts covers every flow on the native
 * engine): each emulator scenario makes `verify --engine newman` fail (exit 1; 3 when the host does not answer) with exactly its diagnosis in
 * report.json, on the flows the scenario breaks; and the same flows pass once the scenario is gone.
 */
import { expect } from 'chai';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIOS } from '../../src/emulator';
import { runCli, tempDir } from '../helpers';

interface Report {
  summary: { verdict: string };
  diagnoses: string[];
}

const flowsOf = (flows: readonly string[]): string => flows.join(',');

/** verify's exit code under a scenario: 1 (a check failed), 3 when no answer came at all (infrastructure failure). */
const EXIT: Readonly<Record<string, number>> = { 'my-domain-unreachable': 3, 'tls-untrusted-certificate': 3 };

function diagnosesIn(dir: string, flows: readonly string[]): string[] {
  const codes = new Set<string>();
  const files = flows.length === 1 ? ['report.json'] : flows.map((f) => `report-${f}.json`);
  for (const file of files) {
    const report = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Report;
    for (const c of report.diagnoses) codes.add(c);
  }
  return [...codes];
}

describe('scenarios on the newman engine: exactly the expected diagnosis', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  for (const scenario of SCENARIOS) {
    const flows = flowsOf(scenario.flows);
    const exit = EXIT[scenario.name] ?? 1;
    it(`${scenario.name} (--flow ${flows}): exit ${exit} and only ${scenario.expectedDiagnosis}`, async () => {
      const dir = tempDir('sfcheck-scenario-newman-');
      dirs.push(dir);
      const r = await runCli(['verify', '--engine', 'newman', '--scenario', scenario.name, '--flow', flows, '-r', 'json', '--out', dir]);
      expect(r.code, r.stdout + r.stderr).to.equal(exit);
      expect(diagnosesIn(dir, scenario.flows)).to.deep.equal([scenario.expectedDiagnosis]);
    });
  }

  it('the same flows without a scenario pass on newman (exit 0, no diagnosis)', async () => {
    const dir = tempDir('sfcheck-scenario-newman-');
    dirs.push(dir);
    const r = await runCli(['verify', '--engine', 'newman', '-r', 'json', '--out', dir]);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    expect(diagnosesIn(dir, ['password', 'client-credentials', 'jwt', 'uca', 'user-access'])).to.deep.equal([]);
  });
});
