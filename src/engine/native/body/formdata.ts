import { basename } from 'node:path';
import { mimeType, readSource } from './file';
import { findHeader, isObj, setHeader, type BodyBuilder, type BodyContext } from './types';

interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  contentType?: string;
}

/** form-data's boundary: 26 dashes and 24 random digits. */
function boundary(): string {
  let b = '--------------------------';
  for (let i = 0; i < 24; i++) b += Math.floor(Math.random() * 10).toString(16);
  return b;
}

/** File fields: one part per readable src (an unreadable one: newman's warning, and the field is left out). */
function fileParts(f: Record<string, unknown>, name: string, ctx: BodyContext): Part[] {
  const contentType = typeof f['contentType'] === 'string' && f['contentType'] !== '' ? ctx.resolver.resolve(f['contentType']) : undefined;
  const fileName = typeof f['fileName'] === 'string' ? f['fileName'] : undefined;
  const srcs = Array.isArray(f['src']) ? (f['src'] as unknown[]) : f['src'] === undefined || f['src'] === null || f['src'] === '' ? [] : [f['src']];
  const fail = (message: string): void => ctx.warn(`Form param \`${name}\`, file load error: ${message}`);
  if (srcs.length === 0) {
    // A value without src goes as it is (newman decodes base64 on a copy it does not send), without a warning.
    const value = f['value'];
    if (typeof value === 'string' && value !== '') {
      return [{ name, value: ctx.resolver.resolve(value), ...(fileName !== undefined ? { filename: fileName } : {}), ...(contentType ? { contentType } : {}) }];
    }
    fail('missing file source');
    return [{ name, value: '', filename: fileName ?? '', ...(contentType ? { contentType } : {}) }];
  }
  const parts: Part[] = [];
  for (const s of srcs) {
    const src = ctx.resolver.resolveValue(s);
    try {
      const read = readSource(src, ctx.workingDir);
      parts.push({
        name,
        value: read.bytes,
        filename: basename(fileName ?? read.path),
        contentType: contentType ?? mimeType(read.path) ?? 'application/octet-stream',
      });
    } catch (err) {
      fail((err as Error).message);
    }
  }
  return parts;
}

/**
 * `formdata`: multipart/form-data as postman-request builds it with form-data: enabled fields in order, text fields
 * with their optional contentType, file fields read from `src` against the working directory.
 */
export const formdata: BodyBuilder = (data, _body, ctx, headers) => {
  if (!Array.isArray(data)) return undefined;
  const enabled = (data as unknown[]).filter((f): f is Record<string, unknown> => isObj(f) && f['disabled'] !== true);
  if (enabled.length === 0) return undefined;
  const parts: Part[] = [];
  for (const f of enabled) {
    const name = ctx.resolver.resolveValue(f['key']);
    if (f['type'] === 'file') {
      parts.push(...fileParts(f, name, ctx));
      continue;
    }
    const raw = f['value'];
    const value = typeof raw === 'string' ? ctx.resolver.resolve(raw) : raw === undefined || raw === null ? '' : (JSON.stringify(raw) ?? '');
    const contentType = typeof f['contentType'] === 'string' && f['contentType'] !== '' ? ctx.resolver.resolve(f['contentType']) : undefined;
    const fileName = typeof f['fileName'] === 'string' ? f['fileName'] : undefined;
    parts.push({ name, value, ...(contentType ? { contentType } : {}), ...(fileName !== undefined ? { filename: fileName } : {}) });
  }
  // Every field was a file that could not be read: postman-request's form is empty, so nothing is sent (no
  // multipart Content-Type either).
  if (parts.length === 0) return undefined;

  const current = findHeader(headers.early, 'content-type');
  const match = current?.value.match(/^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/);
  const b = match ? (match[1] ?? match[2] ?? boundary()) : boundary();
  if (!match && !(current && ctx.keepContentType)) setHeader(headers, 'Content-Type', `multipart/form-data; boundary=${b}`);

  const chunks: Buffer[] = [];
  for (const p of parts) {
    let head = `--${b}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) head += `; filename="${p.filename}"`;
    if (p.contentType) head += `\r\nContent-Type: ${p.contentType}`;
    chunks.push(Buffer.from(`${head}\r\n\r\n`), typeof p.value === 'string' ? Buffer.from(p.value) : p.value, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${b}--\r\n`));
  return { wire: Buffer.concat(chunks), text: '' };
};
