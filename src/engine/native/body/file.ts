import { readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import { findHeader, isObj, setHeader, type BodyBuilder } from './types';

/** Used when mime-types cannot be loaded: the extensions collections upload most, as mime-types names them. */
const MIME: Readonly<Record<string, string>> = {
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.html': 'text/html',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.js': 'application/javascript',
  '.yaml': 'text/yaml',
  '.yml': 'text/yaml',
  '.md': 'text/markdown',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.gz': 'application/gzip',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.bin': 'application/octet-stream',
};

let lookup: ((path: string) => string | false) | undefined;

/**
 * The type postman-request and form-data give an uploaded file: mime-types' lookup (the package newman itself
 * installs, loaded on the first upload), else the short table above. undefined when the extension is unknown.
 */
export function mimeType(path: string): string | undefined {
  if (lookup === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      lookup = (require('mime-types') as { lookup: (path: string) => string | false }).lookup;
    } catch {
      lookup = (p) => {
        const ext = extname(p).toLowerCase();
        return Object.prototype.hasOwnProperty.call(MIME, ext) ? (MIME[ext] as string) : false;
      };
    }
  }
  return lookup(path) || undefined;
}

/**
 * Reads a file named by a collection, relative to `workingDir`. Errors carry newman's wording (postman-runtime's
 * createReadStream): `"<src>", no such file` / `"<src>", is not a file`.
 */
export function readSource(src: string, workingDir: string): { bytes: Buffer; path: string } {
  const path = isAbsolute(src) ? src : resolve(workingDir, src);
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new Error(code === 'ENOENT' ? `"${src}", no such file` : `"${src}", ${(err as Error).message}`);
  }
  if (!isFile) throw new Error(`"${src}", is not a file`);
  return { bytes: readFileSync(path), path };
}

/**
 * `file`: the bytes of `file.src` (or base64 `file.content`), Content-Type from the file's extension unless set
 * (postman-request's pipe). A file that cannot be read: newman's warning, and no body.
 */
export const file: BodyBuilder = (data, _body, ctx, headers) => {
  if (!isObj(data)) return undefined;
  const src = typeof data['src'] === 'string' ? ctx.resolver.resolve(data['src']) : undefined;
  const content = data['content'];
  if (!src) {
    if (typeof content === 'string' && content !== '') return { wire: Buffer.from(content, 'base64'), text: '' };
    ctx.warn('Binary file load error: invalid or missing file source');
    return undefined;
  }
  let read: { bytes: Buffer; path: string };
  try {
    read = readSource(src, ctx.workingDir);
  } catch (err) {
    ctx.warn(`Binary file load error: ${(err as Error).message}`);
    return undefined;
  }
  if (!findHeader(headers.early, 'content-type')) setHeader(headers, 'Content-Type', mimeType(read.path) ?? 'application/octet-stream');
  return { wire: read.bytes, text: '' };
};
