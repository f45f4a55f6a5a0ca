/**
 * --export-environment / --export-globals / --export-collection FILE: the variables as the run ended, as Postman files
 * (newman's flags). Values are raw, secrets included (the file is meant to feed the next run), so the files are
 * written owner-only (0600) and atomically (temp file, then rename), like the reports.
 */
import { resolve } from 'node:path';
import type { RunResult, VariableValue } from '../engine';
import { SfcheckError } from '../errors';
import { writeReportFile } from '../report';

export interface ExportTargets {
  environment?: string;
  globals?: string;
  collection?: string;
}

const EXPORTED_USING = 'sfcheck';

function variableFile(name: string, scope: 'environment' | 'globals', values: readonly VariableValue[], id?: string): string {
  const doc = {
    ...(id ? { id } : {}),
    name,
    values: values.map((v) => ({ key: v.key, value: v.value, type: v.type === 'secret' ? 'secret' : 'default', enabled: true })),
    _postman_variable_scope: scope,
    _postman_exported_at: new Date().toISOString(),
    _postman_exported_using: EXPORTED_USING,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The collection as run, its collection variables set to their values as the run ended. */
function collectionFile(collection: unknown, values: readonly VariableValue[]): string {
  const copy = JSON.parse(JSON.stringify(collection ?? {})) as Record<string, unknown>;
  const before = Array.isArray(copy['variable']) ? (copy['variable'] as Array<Record<string, unknown>>) : [];
  const byKey = new Map(values.map((v) => [v.key, v]));
  const out: Array<Record<string, unknown>> = [];
  for (const v of before) {
    const key = typeof v['key'] === 'string' ? v['key'] : undefined;
    const now = key !== undefined ? byKey.get(key) : undefined;
    if (key !== undefined && !now && v['disabled'] !== true) continue; // unset during the run
    out.push(now ? { ...v, value: now.value } : v);
    if (key !== undefined) byKey.delete(key);
  }
  for (const v of byKey.values()) out.push({ key: v.key, value: v.value, type: v.type === 'secret' ? 'secret' : 'string' });
  copy['variable'] = out;
  return `${JSON.stringify(copy, null, 2)}\n`;
}

/** Writes the files asked for; returns their absolute paths. */
export function writeExports(targets: ExportTargets, run: Pick<RunResult, 'variables' | 'environment'>, inputs: { collection: unknown; globalsName?: string; environmentName?: string }): string[] {
  const written: string[] = [];
  const write = (file: string, content: string, what: string): void => {
    const target = resolve(file);
    try {
      written.push(writeReportFile('/', target, content));
    } catch (e) {
      throw new SfcheckError('SFCHECK_OUT_NOT_WRITABLE', `cannot write the exported ${what} to ${target}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, `pass --export-${what} with a file in a folder you can write to`);
    }
  };
  if (targets.environment) write(targets.environment, variableFile(inputs.environmentName ?? run.environment ?? 'environment', 'environment', run.variables.environment), 'environment');
  if (targets.globals) write(targets.globals, variableFile(inputs.globalsName ?? 'globals', 'globals', run.variables.globals), 'globals');
  if (targets.collection) write(targets.collection, collectionFile(inputs.collection, run.variables.collection), 'collection');
  return written;
}
