/**
 * The pipeline's import rules (DEVELOPERS.md): each stage imports only the stages before it, the emulator is sealed,
 * and nothing but the CLI (and tests) imports the emulator.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './helpers';

const SRC = join(ROOT, 'src');
const ALLOWED: Record<string, readonly string[]> = {
  spec: [],
  generate: ['spec'],
  engine: ['errors.ts'],
  check: ['engine'],
  report: ['engine', 'check', 'errors.ts'],
  cli: ['spec', 'generate', 'engine', 'check', 'report', 'emulator', 'errors.ts'],
  emulator: [],
  'errors.ts': [],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

function stageOf(file: string): string {
  return relative(SRC, file).split('/')[0] ?? '';
}

function internalImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import|require\()\s*['"](\.[^'"]+)['"]/g)].map((m) => m[1] ?? '');
  return specs.map((s) => resolve(dirname(file), s));
}

describe('architecture', () => {
  const all = files(SRC);

  it('has every pipeline stage as a folder of src/', () => {
    for (const stage of ['spec', 'generate', 'engine', 'check', 'report', 'cli', 'emulator']) {
      assert.ok(all.some((f) => stageOf(f) === stage), `src/${stage} is missing`);
    }
  });

  it('imports flow one way and the emulator is sealed', () => {
    const violations: string[] = [];
    for (const file of all) {
      const from = stageOf(file);
      for (const target of internalImports(file)) {
        if (!target.startsWith(SRC)) {
          violations.push(`${relative(ROOT, file)} imports outside src/: ${relative(ROOT, target)}`);
          continue;
        }
        const to = stageOf(target).replace(/\.ts$/, '');
        const toStage = to === 'errors' ? 'errors.ts' : to;
        if (toStage === from) continue;
        if (!(ALLOWED[from] ?? []).includes(toStage)) violations.push(`${relative(ROOT, file)} (${from}) imports ${toStage}`);
      }
    }
    assert.deepEqual(violations, []);
  });
});
