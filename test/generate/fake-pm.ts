/**
 * Runs a generated test script against a fake `pm` that implements exactly the pm API the native engine supports.
 * Any other pm property throws, so a script that strays outside the list fails these tests.
 */
import Ajv from 'ajv';
import { expect as chaiExpect } from 'chai';
import { runInNewContext } from 'node:vm';

export interface FakeResponse {
  code: number;
  headers: Record<string, string>;
  body: string;
}

export interface ScriptRun {
  tests: Array<{ name: string; passed: boolean; error?: string }>;
  collectionVariables: Map<string, string>;
  environment: Map<string, string>;
}

function strict<T extends object>(obj: T, path: string): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && !(prop in target)) throw new Error(`pm API not supported: ${path}.${prop}`);
      return Reflect.get(target, prop, receiver);
    },
  });
}

function variables(map: Map<string, string>, path: string): object {
  return strict(
    {
      get: (k: string) => map.get(k),
      set: (k: string, v: string) => void map.set(k, v),
      has: (k: string) => map.has(k),
    },
    path,
  );
}

export function runScript(exec: string[], response: FakeResponse, environment = new Map<string, string>(), collectionVariables = new Map<string, string>()): ScriptRun {
  const run: ScriptRun = { tests: [], collectionVariables, environment };
  const json = (): unknown => JSON.parse(response.body);
  const headers = new Map(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const pmResponse = strict(
    {
      code: response.code,
      status: response.code === 200 ? 'OK' : 'Error',
      json,
      text: () => response.body,
      headers: strict({ get: (name: string) => headers.get(name.toLowerCase()) }, 'pm.response.headers'),
      to: strict(
        {
          have: strict(
            {
              status: (n: number) => chaiExpect(response.code, 'status').to.equal(n),
              jsonSchema: (schema: object) => {
                const ajv = new Ajv({ strict: false, allErrors: true });
                const ok = ajv.validate(schema, json());
                chaiExpect(ok, `expected data to satisfy schema: ${ajv.errorsText()}`).to.equal(true);
              },
            },
            'pm.response.to.have',
          ),
        },
        'pm.response.to',
      ),
    },
    'pm.response',
  );
  const pm = strict(
    {
      test: (name: string, fn: () => void) => {
        try {
          fn();
          run.tests.push({ name, passed: true });
        } catch (e) {
          run.tests.push({ name, passed: false, error: (e as Error).message });
        }
      },
      expect: chaiExpect,
      response: pmResponse,
      collectionVariables: variables(run.collectionVariables, 'pm.collectionVariables'),
      environment: variables(environment, 'pm.environment'),
    },
    'pm',
  );
  runInNewContext(exec.join('\n'), { pm });
  return run;
}
