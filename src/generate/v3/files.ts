/**
 * Every generated v2.1 file also in Postman's collection format v3 (Postman v12's git-native YAML), derived from the
 * v2.1 JSON so the two can never disagree: collections/v3/<flow>/… and environments/v3/<name>.environment.yaml.
 */
import type { V2Collection } from './model';
import { environmentToV3, toV3 } from './write';

interface File {
  path: string;
  content: string;
}

const COLLECTION = /^collections\/(.+)\.postman_collection\.json$/;
const ENVIRONMENT = /^environments\/(.+)\.postman_environment\.json$/;

export function v3Files(files: readonly File[]): File[] {
  const out: File[] = [];
  for (const f of files) {
    const c = COLLECTION.exec(f.path);
    if (c) {
      for (const [path, content] of toV3(JSON.parse(f.content) as V2Collection)) out.push({ path: `collections/v3/${c[1]}/${path}`, content });
      continue;
    }
    const e = ENVIRONMENT.exec(f.path);
    if (e) {
      const env = JSON.parse(f.content) as Parameters<typeof environmentToV3>[0];
      // Named after the file (local, sandbox…), not the display name, so the paths stay short and stable.
      const v3 = environmentToV3(env);
      out.push({ path: `environments/v3/${e[1]}.environment.yaml`, content: v3.content });
    }
  }
  return out;
}
