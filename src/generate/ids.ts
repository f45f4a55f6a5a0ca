/**
 * Deterministic ids: UUID v5 of a stable name under sfcheck's own namespace, so regenerating never changes an id
 * and Postman keeps recognising an imported collection/environment as the same one.
 */
import { v5 as uuidv5 } from 'uuid';

/** sfcheck's UUID namespace. Never change it: every generated id derives from it. */
export const SFCHECK_UUID_NAMESPACE = 'a6c15742-ce00-47ef-9ed3-66d2ddd19a91';

export function stableId(...parts: string[]): string {
  return uuidv5(parts.join('/'), SFCHECK_UUID_NAMESPACE);
}
