/**
 * The sandbox worker's entry point (compiled to dist/.../sandbox/worker.js and started by ./host.ts, one per run):
 * builds the realm (vm context with chai and pm, ajv), says it is ready, then runs one script per message and replies
 * with the output JSON. It has no time limit of its own: the engine terminates it when a script overruns.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PrepareRequest, ReadyMessage, RunReply, RunRequest } from './protocol';
import { PartialLog, Realm } from './realm';

const port = parentPort;
if (!port) throw new Error('the sfcheck sandbox worker must run in a worker thread');
const realm = new Realm(new PartialLog((workerData as { partial: SharedArrayBuffer }).partial));

port.on('message', (msg: RunRequest | PrepareRequest) => {
  if ('prepare' in msg) {
    try {
      realm.prepare(msg);
    } catch {
      // compile() reports its own errors; anything else shows up as an unknown script when the script runs
    }
    return;
  }
  let reply: RunReply;
  try {
    reply = realm.handle(msg);
  } catch (err) {
    reply = { id: typeof msg?.id === 'number' ? msg.id : -1, error: `the script sandbox failed: ${err instanceof Error ? err.message : String(err)}` };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies ReadyMessage);
// ajv (and its meta-schema) after the ready message: a script posted meanwhile just queues behind it.
setImmediate(() => realm.warm());
