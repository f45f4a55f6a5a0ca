/**
 * Turns what a script reported (a test name, pass/fail, an assertion message) into an assertion with expected and
 * actual values. Both engines report chai / chai-postman messages, so deriving expected/actual from the message text
 * gives the same assertion for the same failure whichever engine ran it.
 */
import type { TestOutcome } from '../engine/result';

export interface Assertion {
  name: string;
  passed: boolean;
  skipped: boolean;
  expected?: string;
  actual?: string;
  /** The assertion's own message, when it failed. */
  message?: string;
}

interface Parsed {
  expected: string;
  actual: string;
}

type MessageParser = (message: string) => Parsed | undefined;

/** chai-postman: "expected response to have status code 200 but got 401" */
const postmanStatus: MessageParser = (m) => {
  const x = /^expected response to have status code (\S+) but got (\S+)/.exec(m);
  return x ? { expected: `status ${x[1]}`, actual: `status ${x[2]}` } : undefined;
};

/** chai-postman / ajv: "expected data to satisfy schema but found following errors: ..." */
const schemaErrors: MessageParser = (m) => {
  const x = /^expected (?:data|response body) to (?:satisfy|match) (?:the )?schema[^:]*:\s*([\s\S]*)$/i.exec(m);
  return x ? { expected: 'body matches the JSON schema', actual: (x[1] ?? '').trim() } : undefined;
};

/** chai: "expected 'text/html' to match /^application\/json/" and "expected 401 to equal 200" */
const chaiBinary: MessageParser = (m) => {
  const x = /^expected ([\s\S]+?) to (?:not )?(?:deeply )?(equal|eql|be|match|include|have property|be above|be below|be at least|be at most|be one of) ([\s\S]+)$/.exec(
    m,
  );
  if (!x) return undefined;
  return { expected: `${x[2]} ${x[3]}`, actual: x[1] ?? '' };
};

const PARSERS: readonly MessageParser[] = [postmanStatus, schemaErrors, chaiBinary];

export function toAssertion(t: TestOutcome): Assertion {
  const base: Assertion = { name: t.name, passed: t.passed, skipped: t.skipped };
  if (t.passed || t.skipped || !t.message) return base;
  for (const parse of PARSERS) {
    const parsed = parse(t.message);
    if (parsed) return { ...base, ...parsed, message: t.message };
  }
  return { ...base, expected: 'the test to pass', actual: t.message, message: t.message };
}
