/**
 * --folder selection and flow control (setNextRequest, skipRequest, visualizer, the loop guard): the native engine
 * against a local server, and newman on the same input must agree.
 */
import { expect } from 'chai';
import { collection, folder, item, prerequest, tests, useTestServer } from './helpers';
import { runBoth } from './run-both';

type Json = Record<string, unknown>;

describe('native engine: --folder and flow control (agrees with newman)', function () {
  this.timeout(60_000);
  const server = useTestServer();

  const get = (name: string, event?: Json[], extra: Json = {}) => item(name, { method: 'GET', url: `${server().base}/${name}` }, event, extra);
  const both = (event: Json[]) => event;

  describe('--folder', () => {
    const tree = () =>
      collection([
        get('top'),
        folder('A', [get('a1'), folder('Inner', [get('i1'), get('i2')], { id: 'inner-id' })]),
        folder('B', [get('b1')]),
        folder('C', [get('c1'), folder('A', [get('shadowed')])]),
      ]);

    it('selects folders and requests by name or id, nested, in collection order whatever the flag order', async () => {
      const { native, newman } = await runBoth(server(), { collection: tree(), folders: ['B', 'inner-id', 'top'] });
      expect(native.received).to.deep.equal(['/top', '/i1', '/i2', '/b1']);
      expect(native.requests.map((r) => r.path.join('/'))).to.deep.equal(['top', 'A/Inner/i1', 'A/Inner/i2', 'B/b1']);
      expect(newman).to.deep.equal(native);
    });

    it('the first folder of a name in document order wins; a selection inside a selected folder adds nothing', async () => {
      const { native, newman } = await runBoth(server(), { collection: tree(), folders: ['A', 'Inner', 'A'] });
      expect(native.received).to.deep.equal(['/a1', '/i1', '/i2']);
      expect(newman).to.deep.equal(native);
    });

    it('an unknown folder fails the run before anything is sent, naming it and the known folders', async () => {
      const { native, newman } = await runBoth(server(), { collection: tree(), folders: ['B', 'Nope'] });
      expect(native.received).to.deep.equal([]);
      expect(native.requests).to.deep.equal([]);
      expect(native.error?.message).to.equal('no folder or request named "Nope" in the collection (folders: "A", "A / Inner", "B", "C", "C / A")');
      expect(newman).to.deep.equal(native);
    });
  });

  describe('setNextRequest', () => {
    it('jumps forward by name, back by id (a counted loop), and the test phase wins over the prerequest phase', async () => {
      const col = collection([
        get('start', both(prerequest("pm.execution.setNextRequest('ignored');")).concat(tests("postman.setNextRequest('poll');"))),
        get('skipped over'),
        get(
          'poll',
          tests(
            "const n = Number(pm.collectionVariables.get('n') || 0) + 1; pm.collectionVariables.set('n', n);",
            "pm.test('poll ' + n, () => {});",
            "if (n < 3) pm.execution.setNextRequest('id-poll');",
          ),
        ),
        get('end'),
      ]);
      const { native, newman } = await runBoth(server(), { collection: col });
      expect(native.received).to.deep.equal(['/start', '/poll', '/poll', '/poll', '/end']);
      expect(native.requests.flatMap((r) => r.tests.map((t) => t[0]))).to.deep.equal(['poll 1', 'poll 2', 'poll 3']);
      expect(newman).to.deep.equal(native);
    });

    it('null and an unknown name end the iteration; the next iteration starts from the first request', async () => {
      const col = collection([
        get('first', tests("if (pm.info.iteration === 0) pm.execution.setNextRequest(null); else pm.execution.setNextRequest('no such request');")),
        get('second'),
      ]);
      const { native, newman } = await runBoth(server(), { collection: col, iterationCount: 2 });
      expect(native.received).to.deep.equal(['/first', '/first']);
      expect(native.requests.map((r) => r.iteration)).to.deep.equal([1, 2]);
      expect(newman).to.deep.equal(native);
    });

    it('only looks among the --folder selection: a request outside it ends the iteration', async () => {
      const col = collection([get('outside'), folder('F', [get('inside', tests("pm.execution.setNextRequest('outside');")), get('after')])]);
      const { native, newman } = await runBoth(server(), { collection: col, folders: ['F'] });
      expect(native.received).to.deep.equal(['/inside']);
      expect(newman).to.deep.equal(native);
    });

    it('a circular setNextRequest is stopped by the guard with a run error (both engines)', async () => {
      const col = collection([get('ping', tests("pm.execution.setNextRequest('pong');")), get('middle'), get('pong', tests("pm.execution.setNextRequest('ping');"))]);
      const { native, newman } = await runBoth(server(), { collection: col, maxSteps: 4 });
      expect(native.error?.code).to.equal('SFCHECK_FLOW_LOOP');
      expect(native.error?.message).to.match(/^setNextRequest loop: more than 4 jumps in iteration 1 \(the last from "ping" to "pong"\)/);
      expect(native.received).to.deep.equal(['/ping', '/pong', '/ping', '/pong', '/ping']);
      expect(newman).to.deep.equal(native);
    });
  });

  describe('skipRequest and visualizer', () => {
    it('a skipped request is not sent, its tests do not run, later prerequest scripts do not run, its setNextRequest counts', async () => {
      const col = collection(
        [
          get('skip me', prerequest("pm.execution.setNextRequest('last'); pm.execution.skipRequest();").concat(tests("pm.test('never', () => {});"))),
          get('middle'),
          get('last'),
        ],
        { event: prerequest("pm.collectionVariables.set('runs', Number(pm.collectionVariables.get('runs') || 0) + 1);") },
      );
      // The item-level prerequest of "skip me" runs after the collection's; a second item-level script would not run.
      const { native, newman, nativeRun, newmanRun } = await runBoth(server(), { collection: col });
      expect(native.received).to.deep.equal(['/last']);
      expect(nativeRun.requests[0]?.request).to.deep.equal({ method: 'GET', url: `${server().base}/skip me`, headers: [] });
      expect(newmanRun.requests[0]?.request).to.deep.equal(nativeRun.requests[0]?.request);
      expect(native.requests.map((r) => [r.id, r.skipped ?? 'sent', r.tests.length])).to.deep.equal([
        ['id-skip me', 'pm.execution.skipRequest()', 0],
        ['id-last', 'sent', 0],
      ]);
      expect(nativeRun.requests[0]?.response).to.equal(undefined);
      expect(native.variables.collection).to.deep.include({ key: 'runs', value: '2', type: 'default' });
      expect(newman).to.deep.equal(native);
    });

    it('a collection-level skipRequest stops the item-level prerequest script too', async () => {
      const col = collection([get('guarded', prerequest("pm.collectionVariables.set('item_ran', 'yes');"))], {
        event: prerequest("if (!pm.collectionVariables.get('open')) pm.execution.skipRequest();"),
      });
      const { native, newman } = await runBoth(server(), { collection: col });
      expect(native.received).to.deep.equal([]);
      expect(native.variables.collection.find((v) => v.key === 'item_ran')).to.equal(undefined);
      expect(newman).to.deep.equal(native);
    });

    it('pm.visualizer.set lands in the result: the test phase over the prerequest phase', async () => {
      const col = collection([
        get('vis', prerequest("pm.visualizer.set('<p>pre</p>');").concat(tests("pm.visualizer.set('<b>{{n}}</b>', { n: pm.response.code });"))),
        get('pre only', prerequest("pm.visualizer.set('<i>pre</i>', { a: [1, 2] });")),
        get('none'),
      ]);
      const { native, newman } = await runBoth(server(), { collection: col });
      expect(native.requests.map((r) => r.visualizer ?? null)).to.deep.equal([{ template: '<b>{{n}}</b>', data: { n: 200 } }, { template: '<i>pre</i>', data: { a: [1, 2] } }, null]);
      expect(newman).to.deep.equal(native);
    });
  });
});
