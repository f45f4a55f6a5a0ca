/** Loading a user's collection file: JSON, a supported format version, at least one request. */
import { countRequests } from '../engine';
import { SfcheckError } from '../errors';
import { existsSync, statSync } from 'node:fs';
import { readJson } from './files';

const SUPPORTED = /collection\/v2\.[01]\.0\/collection\.json/;

/** A v2.0/v2.1 JSON file, or a Postman v3 collection folder. */
export function readCollectionFile(path: string): unknown {
  if (existsSync(path) && statSync(path).isDirectory()) {
    // Loaded on use: the YAML reader and postman-collection are not needed for JSON collections.
    const { readV3Collection } = require('./v3') as typeof import('./v3');
    const v3 = readV3Collection(path);
    if (countRequests(v3) === 0) throw new SfcheckError('SFCHECK_BAD_COLLECTION', `${path} has no requests`, 'add at least one request, or pick another collection');
    return v3;
  }
  const doc = readJson(path, 'collection') as Record<string, unknown> | null;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new SfcheckError('SFCHECK_BAD_COLLECTION', `${path} is not a Postman collection (expected a JSON object)`, 'export the collection from Postman as Collection v2.1');
  }
  const info = doc.info as { schema?: unknown } | undefined;
  if (!info || typeof info !== 'object') {
    const v1 = 'requests' in doc || 'order' in doc;
    throw new SfcheckError(
      'SFCHECK_BAD_COLLECTION',
      v1 ? `${path} is a Postman collection v1, which sfcheck does not run` : `${path} is not a Postman collection: it has no "info" object`,
      v1
        ? 'convert it: open it in Postman and export as Collection v2.1, or run `npx postman-collection-transformer convert -i in.json -o out.json -j 1.0.0 -p 2.1.0`'
        : 'export the collection from Postman as Collection v2.1',
    );
  }
  if (typeof info.schema !== 'string' || !SUPPORTED.test(info.schema)) {
    throw new SfcheckError(
      'SFCHECK_BAD_COLLECTION',
      `${path} declares an unsupported format: info.schema is ${JSON.stringify(info.schema ?? null)}`,
      'sfcheck runs collection format v2.0 and v2.1; export the collection from Postman as Collection v2.1',
    );
  }
  if (countRequests(doc) === 0) {
    throw new SfcheckError('SFCHECK_BAD_COLLECTION', `${path} has no requests`, 'add at least one request, or pick another collection');
  }
  return doc;
}
