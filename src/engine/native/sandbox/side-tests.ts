/**
 * SANDBOX-SIDE CODE: serialised with Function#toString and evaluated inside the vm context. It must stay
 * self-contained: no imports, no references to anything outside its own body (types are erased by tsc).
 *
 * pm.test for one script execution, after postman-sandbox's test runner:
 *  - no function: passed; pm.test.skip: skipped;
 *  - a function taking an argument gets a `done` callback and is recorded when it calls it (an error argument fails
 *    it), as in Postman;
 *  - a function returning a promise (an async function) is recorded in call order and gets its verdict when the
 *    promise settles (the script waits for it like for any pending work: its timers and requests keep it running).
 *    newman 6's sandbox records such a test as passed at once, even when the promise later rejects; here a rejection
 *    fails it.
 * A test still waiting when the script ends (done never called, a promise that never settled) fails with a message
 * saying so, where Postman would drop it or pass it: never a silent pass.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export function sandboxTests(out: any, log: (test: unknown) => void, self: () => unknown) {
  'use strict';
  const waiting: Array<{ t: any; why: string }> = [];

  const record = (test: any): void => {
    out.tests.push(test);
    log(test);
  };
  // newman's view of a failed assertion: error.name, else "AssertionError"; error.message, else the test name.
  const fail = (t: any, e: any): void => {
    t.passed = false;
    try {
      const obj = e !== null && (typeof e === 'object' || typeof e === 'function');
      t.errorName = obj && e.name !== undefined ? String(e.name) : 'AssertionError';
      t.message = obj && e.message !== undefined ? String(e.message) : t.name;
    } catch {
      t.errorName = 'AssertionError';
      t.message = t.name;
    }
  };
  const isThenable = (v: any): boolean => {
    try {
      return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof v.then === 'function';
    } catch {
      return false;
    }
  };

  const test: any = function (name: unknown, fn?: unknown) {
    const t: any = { name: String(name), passed: true, skipped: false };
    if (typeof fn !== 'function') {
      record(t);
      return self();
    }
    if (fn.length > 0) {
      let done = false;
      const entry = { t, why: 'pm.test "' + t.name + '": done() was not called before the script ended' };
      const finish = (err?: unknown, failed?: boolean): void => {
        if (done) return;
        done = true;
        const i = waiting.indexOf(entry);
        if (i !== -1) waiting.splice(i, 1);
        if (failed || err) fail(t, err);
        record(t);
      };
      waiting.push(entry);
      try {
        fn((err: unknown) => finish(err));
      } catch (e) {
        finish(e, true);
      }
      return self();
    }
    let result: unknown;
    try {
      result = fn();
    } catch (e) {
      fail(t, e);
      record(t);
      return self();
    }
    if (!isThenable(result)) {
      record(t);
      return self();
    }
    // Its place in the list is taken now (call order, as newman reports it); the verdict comes with the promise.
    out.tests.push(t);
    let settled = false;
    const entry = { t, why: 'pm.test "' + t.name + '": its promise did not settle before the script ended' };
    const settle = (e?: unknown, failed?: boolean): void => {
      if (settled) return;
      settled = true;
      const i = waiting.indexOf(entry);
      if (i !== -1) waiting.splice(i, 1);
      if (failed) fail(t, e);
      log(t);
    };
    waiting.push(entry);
    try {
      (result as Promise<unknown>).then(
        () => settle(),
        (e: unknown) => settle(e, true),
      );
    } catch (e) {
      settle(e, true);
    }
    return self();
  };
  test.skip = (name: unknown) => {
    record({ name: String(name), passed: false, skipped: true });
    return self();
  };

  /** At the end of the script: whatever still waits fails, and is listed (done-style tests had no place yet). */
  function finish(): void {
    for (const entry of waiting.splice(0)) {
      fail(entry.t, { name: 'Error', message: entry.why });
      if (out.tests.indexOf(entry.t) === -1) out.tests.push(entry.t);
      log(entry.t);
    }
  }

  return { test, record, finish };
}
