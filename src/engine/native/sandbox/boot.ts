/**
 * Source text evaluated inside each sandbox worker's vm context: chai's browser bundle (so chai's objects belong to
 * the sandbox realm), then the sfcheck pm bootstrap assembled from the self-contained sandbox-side modules
 * (side-*.ts). Those are read as text from their compiled files and evaluated in the context only, never loaded in
 * the worker's own realm (reading ten small files costs a tenth of requiring them, which is most of the boot).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let chaiSource: string | undefined;
let bootSource: string | undefined;

export function chaiBundle(): string {
  chaiSource ??= readFileSync(require.resolve('chai/chai.js'), 'utf8');
  return chaiSource;
}

/** The compiled module side-NAME.js as an expression evaluating to its exported function `exportName`. */
function side(name: string, exportName: string): string {
  const text = readFileSync(join(__dirname, `side-${name}.js`), 'utf8');
  return `(function () {\nconst exports = {};\n${text}\n;return exports.${exportName};\n})()`;
}

/**
 * An expression evaluating to `function (hostInput, hostFn, hostBody, hostValidate, hostRecord, hostAsync)` that
 * installs pm.
 */
export function bootstrap(): string {
  bootSource ??= [
    '(function (hostInput, hostFn, hostBody, hostValidate, hostRecord, hostAsync) {',
    "  'use strict';",
    `  const makeRequest = ${side('request', 'sandboxRequest')};`,
    `  const makeMessages = ${side('messages', 'sandboxMessages')};`,
    `  const makePm = ${side('pm', 'sandboxPm')};`,
    `  const libs = ${side('libs', 'sandboxLibs')}(hostAsync);`,
    `  const makeTests = ${side('tests', 'sandboxTests')};`,
    `  const makeSend = ${side('send', 'sandboxSend')};`,
    `  const makeLegacy = ${side('legacy', 'sandboxLegacy')}();`,
    `  ${side('main', 'sandboxMain')}(hostInput, hostFn, hostBody, hostValidate, hostRecord, hostAsync,`,
    `    ${side('json', 'sandboxJson')},`,
    `    ${side('chai', 'sandboxChaiPostman')},`,
    '    (chai, json, responses, requests) => makeMessages(chai, json, responses, requests, makeRequest),',
    '    (chai, json, messages, log, tasks) => makePm(chai, json, messages, log, tasks, libs, makeTests, makeSend, makeLegacy));',
    '})',
  ].join('\n');
  return bootSource;
}
