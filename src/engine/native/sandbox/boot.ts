/**
 * Source text evaluated inside each sandbox worker's vm context: chai's browser bundle (so chai's objects belong to
 * the sandbox realm), then the sfcheck pm bootstrap assembled from the self-contained sandbox-side functions.
 */
import { readFileSync } from 'node:fs';
import { sandboxChaiPostman } from './side-chai';
import { sandboxJson } from './side-json';
import { sandboxLegacy } from './side-legacy';
import { sandboxLibs } from './side-libs';
import { sandboxMain } from './side-main';
import { sandboxMessages } from './side-messages';
import { sandboxPm } from './side-pm';
import { sandboxRequest } from './side-request';
import { sandboxSend } from './side-send';
import { sandboxTests } from './side-tests';

let chaiSource: string | undefined;
let bootSource: string | undefined;

export function chaiBundle(): string {
  chaiSource ??= readFileSync(require.resolve('chai/chai.js'), 'utf8');
  return chaiSource;
}

/**
 * An expression evaluating to `function (hostInput, hostFn, hostBody, hostValidate, hostRecord, hostAsync)` that
 * installs pm.
 */
export function bootstrap(): string {
  bootSource ??= [
    '(function (hostInput, hostFn, hostBody, hostValidate, hostRecord, hostAsync) {',
    "  'use strict';",
    `  const makeRequest = (${sandboxRequest.toString()});`,
    `  const makeMessages = (${sandboxMessages.toString()});`,
    `  const makePm = (${sandboxPm.toString()});`,
    `  const libs = (${sandboxLibs.toString()})(hostAsync);`,
    `  const makeTests = (${sandboxTests.toString()});`,
    `  const makeSend = (${sandboxSend.toString()});`,
    `  const makeLegacy = (${sandboxLegacy.toString()});`,
    `  (${sandboxMain.toString()})(hostInput, hostFn, hostBody, hostValidate, hostRecord, hostAsync,`,
    `    ${sandboxJson.toString()},`,
    `    ${sandboxChaiPostman.toString()},`,
    '    (chai, json, responses, requests) => makeMessages(chai, json, responses, requests, makeRequest),',
    '    (chai, json, messages, log, tasks) => makePm(chai, json, messages, log, tasks, libs, makeTests, makeSend, makeLegacy));',
    '})',
  ].join('\n');
  return bootSource;
}
