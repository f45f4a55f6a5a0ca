/** Pure: spec -> Postman v2.1 collection and environment files. No file I/O here; the CLI writes them. */
import { FLOWS, type EnvKey } from '../spec';
import { buildCollection, collectionPath } from './collection';
import {
  buildEnvironment,
  environmentPath,
  localEnvironmentValues,
  orgEnvironmentValues,
  type EnvironmentName,
  type LocalCredentials,
} from './environment';
import { toFileContent } from './json';
import { v3Files } from './v3/files';

export interface GeneratedFile {
  /** Relative to the repository root, posix separators. */
  path: string;
  /** Pretty JSON (2 spaces) with a trailing newline. */
  content: string;
}

export interface GenerateInput {
  local: { url: string; credentials: LocalCredentials };
  apiVersion: string;
}

export { DEFAULT_API_VERSION } from '../spec';

export function generateAll(input: GenerateInput): GeneratedFile[] {
  const files: GeneratedFile[] = FLOWS.map((flow) => ({
    path: collectionPath(flow),
    content: toFileContent(buildCollection(flow)),
  }));
  const environments: Array<[EnvironmentName, Record<EnvKey, string>]> = [
    ['local', localEnvironmentValues(input.local, input.apiVersion)],
    ['sandbox', orgEnvironmentValues('sandbox', input.apiVersion)],
    ['production', orgEnvironmentValues('production', input.apiVersion)],
  ];
  for (const [name, values] of environments) {
    files.push({ path: environmentPath(name), content: toFileContent(buildEnvironment(name, values)) });
  }
  return [...files, ...v3Files(files)];
}

export { buildCollection, collectionPath, COLLECTION_SCHEMA_URL } from './collection';
export {
  buildEnvironment,
  environmentPath,
  localEnvironmentValues,
  orgEnvironmentValues,
  ENVIRONMENT_NAMES,
  LOGIN_URLS,
} from './environment';
export type { EnvironmentName, LocalCredentials } from './environment';
export { diffGenerated } from './check';
export { stableId, SFCHECK_UUID_NAMESPACE } from './ids';
export { testNames, testScript } from './script';
export type { TestNames } from './script';
