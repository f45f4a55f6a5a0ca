/**
 * Salesforce record ids: 15-char case-sensitive base-62 ids and their 18-char case-safe form (wire spec §7.5).
 *
 * The 3-char suffix encodes, for each block of 5 characters, which characters are upper-case letters:
 * bit j (j = 0..4, left to right) is set when char j is A-Z, and the 0..31 value indexes CHECKSUM_ALPHABET.
 */

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ALNUM = /^[0-9A-Za-z]+$/;

/** Key prefixes (first 3 chars of an id) for the objects the emulator knows. */
export const KEY_PREFIX = {
  Organization: '00D',
  User: '005',
  Account: '001',
  Contact: '003',
  Opportunity: '006',
  Profile: '00e',
  UserRole: '00E',
  PermissionSet: '0PS',
} as const;

function isUpper(ch: string): boolean {
  return ch >= 'A' && ch <= 'Z';
}

/** The 3-char checksum of a 15-char id. Throws when `id15` is not 15 alphanumeric characters. */
export function checksum(id15: string): string {
  if (id15.length !== 15 || !ALNUM.test(id15)) throw new Error(`not a 15-character id: ${id15}`);
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let j = 0; j < 5; j++) {
      if (isUpper(id15.charAt(block * 5 + j))) bits |= 1 << j;
    }
    suffix += CHECKSUM_ALPHABET.charAt(bits);
  }
  return suffix;
}

/** The 18-char form of a 15-char id (an 18-char id is returned unchanged). */
export function to18(id: string): string {
  if (id.length === 18) return id;
  return id + checksum(id);
}

/** The 15-char form of an id (the first 15 characters). */
export function to15(id: string): string {
  return id.slice(0, 15);
}

/**
 * Canonical 18-char id for a value a client sent, or undefined when it is not an id.
 * A 15-char value is case-sensitive and gains its checksum. An 18-char value is case-safe: its
 * suffix says which of the first 15 characters are upper case, so any casing of it is accepted,
 * as Salesforce does; a suffix that contradicts the characters makes it invalid.
 */
export function normalizeId(value: string): string | undefined {
  if (!ALNUM.test(value)) return undefined;
  if (value.length === 15) return value + checksum(value);
  if (value.length !== 18) return undefined;
  const suffix = value.slice(15).toUpperCase();
  let recased = '';
  for (let block = 0; block < 3; block++) {
    const bits = CHECKSUM_ALPHABET.indexOf(suffix.charAt(block));
    if (bits < 0) return undefined;
    for (let j = 0; j < 5; j++) {
      const ch = value.charAt(block * 5 + j);
      const upper = (bits & (1 << j)) !== 0;
      if (upper && !/[A-Za-z]/.test(ch)) return undefined;
      recased += upper ? ch.toUpperCase() : ch.toLowerCase();
    }
  }
  return checksum(recased) === suffix ? recased + suffix : undefined;
}

/** Whether `value` is a 15-char id or an 18-char id with a consistent checksum. */
export function isId(value: string): boolean {
  return normalizeId(value) !== undefined;
}

function base62(n: number, width: number): string {
  let out = '';
  let rest = n;
  while (rest > 0) {
    out = BASE62.charAt(rest % 62) + out;
    rest = Math.floor(rest / 62);
  }
  if (out.length > width) throw new Error(`id counter overflow: ${n}`);
  return out.padStart(width, '0');
}

/**
 * Deterministic id source: the n-th id of a prefix is always the same, so one seed gives the same ids
 * in every run. Ids look like real ones: prefix (3) + pod (2) + base-62 number (10) + checksum (3).
 */
export class IdFactory {
  private readonly counters = new Map<string, number>();

  constructor(private readonly pod = 'Lo') {
    if (pod.length !== 2 || !ALNUM.test(pod)) throw new Error(`pod must be 2 alphanumeric characters: ${pod}`);
  }

  next(prefix: string): string {
    if (prefix.length !== 3 || !ALNUM.test(prefix)) throw new Error(`key prefix must be 3 alphanumeric characters: ${prefix}`);
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    // A start derived from the prefix and a prime stride make ids differ across objects and between
    // neighbours in several places, with mixed case.
    let start = 0;
    for (const ch of prefix) start = (start * 131 + ch.charCodeAt(0)) % 1_000_003;
    const value = 9_000_000_000 + start * 7_919 + n * 104_729;
    return to18(prefix + this.pod + base62(value, 10));
  }
}
