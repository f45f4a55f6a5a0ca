/**
 * The generated collections (collections/*.postman_collection.json, as committed) against the emulator, each with the
 * environment `verify --env local` gives its flow (a fresh JWT assertion per run; refresh tokens from the consent pages).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withValues } from '../../../src/cli/environment';
import type { VerifyFlow } from '../../../src/cli/flows';
import type { EnvironmentInput } from '../../../src/engine';
import { buildEnvironment, DEFAULT_API_VERSION, localEnvironmentValues } from '../../../src/generate';
import { ROOT } from '../../helpers';
import type { CorpusCase } from '../harness';

const FILES: ReadonlyArray<[VerifyFlow, string]> = [
  ['password', 'salesforce-password'],
  ['client-credentials', 'salesforce-client-credentials'],
  ['jwt', 'salesforce-jwt-bearer'],
  ['uca', 'salesforce-user-consent'],
  ['user-access', 'salesforce-user-access'],
  ['write', 'salesforce-write'],
];

export const generated: CorpusCase[] = FILES.map(([flow, file]) => ({
  name: file,
  group: 'generated',
  covers: [`generated collection for --flow ${flow}`],
  input: async (infra) => {
    const emu = infra.emulator;
    const base = buildEnvironment('local', localEnvironmentValues({ url: emu.url, credentials: emu.credentials }, DEFAULT_API_VERSION)) as EnvironmentInput;
    return {
      collection: JSON.parse(readFileSync(join(ROOT, 'collections', `${file}.postman_collection.json`), 'utf8')) as unknown,
      environment: withValues(base, await infra.flowValues.valuesFor(flow)),
    };
  },
  // The write flow creates its own probe Account in each engine's run: the ids differ, their shape must not.
  ...(flow === 'write' ? { masks: [[/\b001[0-9A-Za-z]{15}\b/g, '<account-id>'] as const] } : {}),
  oracle: ({ result: run }) => (run.requests.length > 0 && run.requests.every((r) => r.tests.length > 0 && r.tests.every((t) => t.passed)) ? [] : ['the generated collection does not pass on newman against the emulator']),
}));
