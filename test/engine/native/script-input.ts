/** A ScriptInput for running one script straight through the native sandbox (Sandbox#run) in tests. */
import type { ScriptInput, ScopesPayload } from '../../../src/engine/native/sandbox/protocol';

export function scriptInput(eventName: 'prerequest' | 'test', scopes: Partial<ScopesPayload> = {}): ScriptInput {
  return {
    eventName,
    requestName: 'req',
    requestId: 'id-req',
    iteration: 0,
    iterationCount: 1,
    scopes: { globals: [], collection: [], environment: [], local: [], ...scopes },
    request: { url: 'http://127.0.0.1:1/x', method: 'GET', headers: [] },
    ...(eventName === 'test' ? { response: { code: 200, status: 'OK', headers: [['Content-Type', 'application/json']], responseTime: 3, size: 2 } } : {}),
  };
}
