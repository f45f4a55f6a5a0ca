/** A percent-encoded path segment as text; a malformed escape is kept as sent (it then matches nothing). */
export function pathSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
