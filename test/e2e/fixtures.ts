/** The generated password-flow collection and a local environment pointing at a running emulator. */
import type { RunningEmulator } from '../../src/emulator';
import type { EnvironmentInput } from '../../src/engine';
import { buildCollection, buildEnvironment, DEFAULT_API_VERSION, localEnvironmentValues } from '../../src/generate';
import { passwordFlow, type EnvKey } from '../../src/spec';

export interface PmCollection {
  info: { name: string };
  item: Array<{ id: string; name: string; request: { body?: { urlencoded?: Array<{ key: string; value: string }> } } }>;
}

export function passwordCollection(): PmCollection {
  return buildCollection(passwordFlow) as PmCollection;
}

/** Only the requests whose names match. */
export function only(collection: PmCollection, pattern: RegExp): PmCollection {
  return { ...collection, item: collection.item.filter((i) => pattern.test(i.name)) };
}

export function localEnvironment(emu: RunningEmulator, override: Partial<Record<EnvKey, string>> = {}): EnvironmentInput {
  const values = { ...localEnvironmentValues({ url: emu.url, credentials: emu.credentials }, DEFAULT_API_VERSION), ...override };
  return buildEnvironment('local', values) as EnvironmentInput;
}
