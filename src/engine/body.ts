/** How both engines keep a response body in the result tree: bounded, cut at a UTF-8 character boundary. */
import { BODY_KEEP_BYTES } from './result';

export function keepBody(buf: Buffer): { body: string; bodyTruncated: boolean; size: number } {
  const truncated = buf.length > BODY_KEEP_BYTES;
  let end = truncated ? BODY_KEEP_BYTES : buf.length;
  // Step back over UTF-8 continuation bytes (10xxxxxx) so no character is split.
  while (truncated && end > 0 && ((buf[end] as number) & 0xc0) === 0x80) end--;
  return { body: buf.subarray(0, end).toString('utf8'), bodyTruncated: truncated, size: buf.length };
}
