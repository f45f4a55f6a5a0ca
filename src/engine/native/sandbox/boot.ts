/**
 * Source text evaluated inside each sandbox worker's vm context: chai's browser bundle (so chai's objects belong to
 * the sandbox realm), then the sfcheck pm bootstrap assembled from the self-contained sandbox-side functions.
 */
import { readFileSync } from 'node:fs';
import { sandboxChaiPostman } from './side-chai';
import { sandboxJson } from './side-json';
import { sandboxMain } from './side-main';
import { sandboxMessages } from './side-messages';
import { sandboxPm } from './side-pm';

let chaiSource: string | undefined;
let bootSource: string | undefined;

export function chaiBundle(): string {
  chaiSource ??= readFileSync(require.resolve('chai/chai.js'), 'utf8');
  return chaiSource;
}

/** An expression evaluating to `function (hostInput, hostFn, hostBody, hostValidate, hostRecord)` that installs pm. */
export function bootstrap(): string {
  bootSource ??= [
    '(function (hostInput, hostFn, hostBody, hostValidate, hostRecord) {',
    "  'use strict';",
    `  (${sandboxMain.toString()})(hostInput, hostFn, hostBody, hostValidate, hostRecord,`,
    `    ${sandboxJson.toString()},`,
    `    ${sandboxChaiPostman.toString()},`,
    `    ${sandboxMessages.toString()},`,
    `    ${sandboxPm.toString()});`,
    '})',
  ].join('\n');
  return bootSource;
}
