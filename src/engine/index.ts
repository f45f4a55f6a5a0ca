import { SfcheckError } from '../errors';
import type { Engine, EngineName } from './result';

export * from './result';
export { countRequests, collectionInfo, listRequests } from './collection-info';
export { iterationCountOf, plannedRequests, type PlannedRequest } from './native/flow';

/**
 * Engines load on first use: newman (postman-runtime, its sandbox, lodash…) costs a few hundred ms to require, which a
 * native run should not pay.
 */
const LOADERS: Readonly<Record<EngineName, () => Engine>> = {
  native: () => (require('./native') as typeof import('./native')).nativeEngine,
  newman: () => (require('./newman') as typeof import('./newman')).newmanEngine,
};

export const ENGINE_NAMES: readonly EngineName[] = ['native', 'newman'];

export function engineByName(name: string): Engine {
  if (name === 'native' || name === 'newman') return LOADERS[name]();
  throw new SfcheckError('SFCHECK_USAGE', `unknown engine "${name}"`, 'use --engine native (default) or --engine newman');
}

/** Both engines by name, loaded on access. */
export const ENGINES: Readonly<Record<EngineName, Engine>> = {
  get native() {
    return LOADERS.native();
  },
  get newman() {
    return LOADERS.newman();
  },
};
