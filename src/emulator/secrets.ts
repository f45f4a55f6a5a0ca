/**
 * Constant-time handling of secrets (tokens, codes, client secrets, passwords, anti-forgery tokens). Both sides are
 * hashed first, so neither the content nor the length of the expected value leaks through the time a comparison
 * takes; stores key their maps by the hash, so a lookup's timing says nothing about the token either.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Whether `given` equals `expected`, in time independent of where they differ. Undefined never matches. */
export function sameSecret(given: string | undefined | null, expected: string | undefined | null): boolean {
  if (given === undefined || given === null || expected === undefined || expected === null) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

/** The map key of a secret: its SHA-256, so a Map lookup never compares the secret itself. */
export function secretKey(value: string): string {
  return digest(value).toString('base64');
}
