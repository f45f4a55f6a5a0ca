/** Every case of the differential corpus, in the order they run and are reported. */
import type { CorpusCase } from '../harness';
import { authTypes } from './auth';
import { cookies, flowControl, syntaxError, unsupportedApi, visualizer } from './flow';
import { folderSelection, formatV1, formatV20, nestedEvents } from './formats';
import { generated } from './generated';
import { bodies, protocolProfile, urlsAndHeaders } from './request-shape';
import { salesforce } from './salesforce';
import { legacyApi, libraries, pmApi, sendRequest, sendRequestPromise } from './scripts';
import { dynamic, envVar, iterations, precedence, unresolved } from './variables';

export const CORPUS: readonly CorpusCase[] = [
  formatV1,
  formatV20,
  nestedEvents,
  folderSelection,
  authTypes,
  urlsAndHeaders,
  bodies,
  protocolProfile,
  precedence,
  iterations,
  envVar,
  dynamic,
  unresolved,
  pmApi,
  legacyApi,
  libraries,
  sendRequest,
  sendRequestPromise,
  flowControl,
  cookies,
  unsupportedApi,
  syntaxError,
  visualizer,
  ...generated,
  ...salesforce,
];

/** Cases by name or group ("features", "generated", "salesforce"); all when no name is given. */
export function selectCorpus(names: readonly string[]): CorpusCase[] {
  if (names.length === 0) return [...CORPUS];
  const out = CORPUS.filter((c) => names.includes(c.name) || names.includes(c.group));
  const unknown = names.filter((n) => !CORPUS.some((c) => c.name === n || c.group === n));
  if (unknown.length > 0) throw new Error(`unknown corpus "${unknown.join(', ')}": use a case name or features, generated, salesforce`);
  return out;
}
