/**
 * The sandbox worker's entry point (compiled to dist/.../sandbox/worker.js and started by ./host.ts, one per run):
 * builds the realm (vm context with chai and pm, ajv), says it is ready, then runs one script per message and replies
 * with the output JSON once the script is over (its timers and pm.sendRequest replies included). It has no time limit
 * of its own: the engine terminates it when a script overruns.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PrepareRequest, ReadyMessage, RunReply, RunRequest, SendReplyMessage } from './protocol';
import { PartialLog, Realm } from './realm';

const port = parentPort;
if (!port) throw new Error('the sfcheck sandbox worker must run in a worker thread');
const realm = new Realm(new PartialLog((workerData as { partial: SharedArrayBuffer }).partial), (msg) => port.postMessage(msg));

port.on('message', (msg: RunRequest | PrepareRequest | SendReplyMessage) => {
  if ('sendReply' in msg) {
    realm.deliverSend(msg);
    return;
  }
  if ('prepare' in msg) {
    try {
      realm.prepare(msg);
    } catch {
      // compile() reports its own errors; anything else shows up as an unknown script when the script runs
    }
    return;
  }
  const fail = (err: unknown): RunReply => ({ id: typeof msg?.id === 'number' ? msg.id : -1, error: `the script sandbox failed: ${err instanceof Error ? err.message : String(err)}` });
  let reply: RunReply | Promise<RunReply>;
  try {
    reply = realm.handle(msg);
  } catch (err) {
    reply = fail(err);
  }
  if (reply instanceof Promise) reply.then((r) => port.postMessage(r), (err: unknown) => port.postMessage(fail(err)));
  else port.postMessage(reply);
});
// A promise a script rejected and never handled: the script's error if it is still running, never a crash.
process.on('unhandledRejection', (reason) => realm.unhandledRejection(reason));
port.postMessage({ ready: true } satisfies ReadyMessage);
// ajv (and its meta-schema) after the ready message: a script posted meanwhile just queues behind it.
setImmediate(() => realm.warm());
