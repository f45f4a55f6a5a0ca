/** Reading Postman collection format v3 from disk: a collection folder, or a `*.environment.yaml` file. */
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { SfcheckError } from '../errors';
import { environmentFromV3, fromV3, V3FormatError, type V3Files } from '../generate/v3';
import type { EnvironmentInput } from '../engine';
import { readText } from './files';

const MAX_FILES = 10_000;

function collect(root: string, dir: string, files: V3Files): void {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) collect(root, full, files);
    else if (name.endsWith('.yaml') || name.endsWith('.yml')) {
      if (files.size >= MAX_FILES) throw new SfcheckError('SFCHECK_BAD_COLLECTION', `${root} holds more than ${MAX_FILES} YAML files`, 'point sfcheck at one collection folder');
      files.set(relative(root, full).split(sep).join('/').replace(/\.yml$/, '.yaml'), readText(full, 'collection file'));
    }
  }
}

function badV3(e: unknown, root: string): never {
  if (e instanceof V3FormatError) {
    throw new SfcheckError('SFCHECK_BAD_COLLECTION', `${join(root, e.file)}: ${e.message.slice(e.file.length + 2)}`, 'fix that file (Postman collection format v3), or export the collection as v2.1 JSON');
  }
  throw e;
}

/** A v3 collection folder -> v2.1 collection JSON. */
export function readV3Collection(dir: string): unknown {
  const files: V3Files = new Map();
  collect(dir, dir, files);
  if (![...files.keys()].some((p) => p.endsWith('.request.yaml'))) {
    throw new SfcheckError(
      'SFCHECK_BAD_COLLECTION',
      `${dir} is a folder without *.request.yaml files`,
      'pass a Postman v3 collection folder (requests as *.request.yaml, metadata in .resources/definition.yaml) or a v2.1 JSON file',
    );
  }
  try {
    return fromV3(files, basename(dir));
  } catch (e) {
    return badV3(e, dir);
  }
}

export function readV3Environment(path: string): EnvironmentInput {
  try {
    return environmentFromV3(basename(path), readText(path, 'environment file'));
  } catch (e) {
    return badV3(e, '');
  }
}
