/**
 * `GET /services/data/` (wire spec §6.1): every supported API version with its release label; no
 * authentication and no Sforce-Limit-Info. Labels follow the release cycle from 31.0 (Summer '14):
 * Summer, Winter (of the next year), Spring, three releases a year.
 */
import { jsonReply, type Reply } from '../http';

export const OLDEST_API_VERSION = 31;
/** Winter '27, generally available since October 2026. */
export const LATEST_API_VERSION = 68;

export interface ApiVersion {
  label: string;
  url: string;
  version: string;
}

export function releaseLabel(major: number): string {
  const step = major - OLDEST_API_VERSION;
  const yearOfSummer = 14 + Math.floor(step / 3);
  const season = (['Summer', 'Winter', 'Spring'] as const)[step % 3]!;
  const year = season === 'Summer' ? yearOfSummer : yearOfSummer + 1;
  return `${season} '${String(year).padStart(2, '0')}`;
}

export const API_VERSIONS: readonly ApiVersion[] = Array.from({ length: LATEST_API_VERSION - OLDEST_API_VERSION + 1 }, (_, i) => {
  const major = OLDEST_API_VERSION + i;
  return { label: releaseLabel(major), url: `/services/data/v${major}.0`, version: `${major}.0` };
});

const SUPPORTED = new Set(API_VERSIONS.map((v) => v.version));

/** Whether `version` (`58.0`, no `v`) is one this emulator serves. */
export function isSupportedVersion(version: string): boolean {
  return SUPPORTED.has(version);
}

export const LATEST_VERSION = `${LATEST_API_VERSION}.0`;

export function versionsResource(): Reply {
  return jsonReply(200, API_VERSIONS);
}
