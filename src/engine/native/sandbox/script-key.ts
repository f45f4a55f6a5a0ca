/**
 * The key under which the sandbox compiles a script once per run (./host.ts): the source with the text of its leading
 * line comments dropped. Generated collections open every test script with a comment naming its request, so scripts
 * that are otherwise the same code would each be compiled (and sent to the worker) once per request; under this key
 * they share one compiled function.
 *
 * Only comment lines before the first line of code count, so nothing that runs differs: a leading `//` line there can
 * only be a comment. Line terminators stay where they were (every JavaScript one: \r\n, \n, \r, U+2028, U+2029), so
 * the code keeps its line and column numbers, and a script whose code differs never shares a key.
 */
const LEADING_COMMENTS = /^(?:[ \t]*(?:\/\/[^\n\r\u2028\u2029]*)?(?:\r\n|[\n\r\u2028\u2029]))+/;

export function scriptKey(source: string): string {
  const m = LEADING_COMMENTS.exec(source);
  if (!m) return source;
  const head = m[0];
  // Each comment line becomes a bare `//` (its indentation and terminator kept).
  return head.replace(/\/\/[^\n\r\u2028\u2029]*/g, '//') + source.slice(head.length);
}
