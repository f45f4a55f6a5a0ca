/**
 * merge-reports: several junit.xml files (one per environment of a CI matrix) -> one <testsuites> document.
 * Each suite keeps its test cases untouched; its name and its cases' classname get the source's label in front
 * ("sandbox / Get an access token") so the same request from two environments stays two suites. Totals are the sums.
 * Reads the flat layout sfcheck (and most tools) write: <testsuite> elements directly under <testsuites>.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SfcheckError } from '../errors';
import { uniqueNames } from './facts';
import { xmlEscape } from './junit';

export interface JunitSource {
  label: string;
  xml: string;
}

const SUITE = /<testsuite\b((?:[^>"]|"[^"]*")*?)(?:\/>|>([\s\S]*?)<\/testsuite>)/g;

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
}

function setAttr(attrs: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}=")[^"]*(")`);
  return re.test(attrs) ? attrs.replace(re, (_m, a: string, b: string) => `${a}${value}${b}`) : `${attrs} ${name}="${value}"`;
}

/** Every *.xml file holding a <testsuite> under the given files or folders (folders searched recursively), sorted. */
export function findJunitFiles(paths: readonly string[], exclude?: string): string[] {
  const found: string[] = [];
  const visit = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new SfcheckError('SFCHECK_FILE_UNREADABLE', `cannot read ${p}`, 'pass folders (or files) that hold junit.xml reports');
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(join(p, name));
    } else if (p.endsWith('.xml') && resolve(p) !== exclude && /<testsuite\b/.test(readFileSync(p, 'utf8'))) {
      found.push(resolve(p));
    }
  };
  for (const p of paths) visit(p);
  return found;
}

/** A label per file: its folder's name (reports/sandbox/junit.xml -> sandbox), made unique. */
export function labelsFor(files: readonly string[]): string[] {
  return uniqueNames(files.map((f) => basename(dirname(f)) || basename(f)));
}

export function mergeJunit(sources: readonly JunitSource[], name = 'sfcheck (merged)'): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let time = 0;
  let id = 0;
  for (const src of sources) {
    const label = xmlEscape(src.label);
    for (const m of src.xml.matchAll(SUITE)) {
      let attrs = m[1] ?? '';
      const body = m[2];
      tests += Number(attr(attrs, 'tests') ?? 0);
      failures += Number(attr(attrs, 'failures') ?? 0);
      errors += Number(attr(attrs, 'errors') ?? 0);
      time += Number(attr(attrs, 'time') ?? 0) || 0;
      attrs = setAttr(attrs, 'name', `${label} / ${attr(attrs, 'name') ?? ''}`);
      attrs = setAttr(attrs, 'id', String(id++));
      const cases = body?.replace(/(<testcase\b[^>]*?\sclassname=")([^"]*)(")/g, (_m, a: string, c: string, b: string) => `${a}${label} / ${c}${b}`);
      suites.push(cases === undefined ? `  <testsuite${attrs}/>` : `  <testsuite${attrs}>${cases}</testsuite>`);
    }
  }
  if (suites.length === 0) {
    throw new SfcheckError('SFCHECK_NO_REPORTS', 'no <testsuite> found in the given reports', 'pass the folders that hold the junit.xml files of each run');
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xmlEscape(name)}" tests="${tests}" failures="${failures}" ` +
    `errors="${errors}" time="${time.toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`
  );
}
