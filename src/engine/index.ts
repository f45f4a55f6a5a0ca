import { SfcheckError } from '../errors';
import { nativeEngine } from './native';
import { newmanEngine } from './newman';
import type { Engine, EngineName } from './result';

export * from './result';
export { countRequests, collectionInfo } from './collection-info';

export const ENGINES: Readonly<Record<EngineName, Engine>> = { native: nativeEngine, newman: newmanEngine };

export function engineByName(name: string): Engine {
  if (name === 'native' || name === 'newman') return ENGINES[name];
  throw new SfcheckError('SFCHECK_USAGE', `unknown engine "${name}"`, 'use --engine native (default) or --engine newman');
}
