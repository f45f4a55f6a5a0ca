/** JUnit XML helpers for tests: schema validation with xmllint, volatile fields normalised, attribute reading. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers';

export const JUNIT_XSD = join(ROOT, 'test', 'fixtures', 'junit-10.xsd');

export function hasXmllint(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

/** Skips the calling test, with a message, when xmllint is not installed (.ci/run installs it). */
export function requireXmllint(ctx: Mocha.Context): void {
  if (!hasXmllint()) {
    process.stderr.write('    xmllint not installed (apt-get install libxml2-utils, as .ci/run does): schema check skipped\n');
    ctx.skip();
  }
}

/** Validates against Jenkins' JUnit schema; returns xmllint's output when invalid, '' when valid. */
export function junitSchemaErrors(xml: string): string {
  const file = join(tempDir('sfcheck-junit-'), 'junit.xml');
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', JUNIT_XSD, file], { encoding: 'utf8' });
  return r.status === 0 ? '' : `${r.stdout}${r.stderr}`;
}

/** Times, timestamps, host names and ports replaced: what is left must be identical run to run and engine to engine. */
export function normaliseJunit(xml: string): string {
  return xml
    .replace(/ time="[^"]*"/g, ' time="T"')
    .replace(/ timestamp="[^"]*"/g, ' timestamp="TS"')
    .replace(/ hostname="[^"]*"/g, ' hostname="HOST"')
    .replace(/(127\.0\.0\.1|localhost):\d+/g, '$1:PORT');
}

export interface Suite {
  attrs: Record<string, string>;
  cases: Array<{ name: string; classname: string; body: string }>;
}

function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w-]+)="([^"]*)"/g)) out[m[1] ?? ''] = m[2] ?? '';
  return out;
}

export function parseJunit(xml: string): { root: Record<string, string>; suites: Suite[] } {
  const root = attrsOf(/<testsuites\b[^>]*>/.exec(xml)?.[0] ?? '');
  const suites: Suite[] = [];
  for (const m of xml.matchAll(/<testsuite\b([^>]*)>([\s\S]*?)<\/testsuite>/g)) {
    const cases = [...(m[2] ?? '').matchAll(/<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)].map((c) => {
      const a = attrsOf(c[1] ?? '');
      return { name: a.name ?? '', classname: a.classname ?? '', body: c[2] ?? '' };
    });
    suites.push({ attrs: attrsOf(m[1] ?? ''), cases });
  }
  return { root, suites };
}
