/**
 * The matcher: Evidence + context -> the catalogue entry it shows, with the causes ranked for the context. Pure.
 * An entry matches when one of its patterns holds; with several, the most specific pattern wins (more fields given).
 */
import { CATALOGUE } from './catalogue';
import { describeEvidence } from './evidence';
import type { CatalogueEntry, Cause, ContextFact, Diagnosis, DiagnosisContext, Evidence, EvidencePattern } from './types';

/** Last labels of sandbox usernames (user@acme.com.uat) that are not top-level domains people log in with. */
const SANDBOX_SUFFIXES = new Set(['dev', 'uat', 'qa', 'sandbox', 'test', 'staging', 'stage', 'sit', 'full', 'partial', 'int', 'preprod', 'devint', 'training', 'sbx', 'dev1', 'dev2', 'uat1', 'uat2']);
const COMMON_TLDS = new Set(['com', 'org', 'net', 'io', 'co', 'ai', 'edu', 'gov', 'de', 'fr', 'uk', 'nl', 'es', 'it', 'jp', 'au', 'ca', 'ch', 'be', 'in', 'br', 'us', 'eu']);

/** True when the username looks like a sandbox copy of a production user: user@acme.com.uat. */
export function looksLikeSandboxUsername(username: string): boolean {
  const domain = username.split('@').pop() ?? '';
  if (!username.includes('@')) return false;
  const labels = domain.toLowerCase().split('.').filter(Boolean);
  if (labels.length < 3) return false;
  const last = labels[labels.length - 1] ?? '';
  const before = labels[labels.length - 2] ?? '';
  return SANDBOX_SUFFIXES.has(last) || (COMMON_TLDS.has(before) && !COMMON_TLDS.has(last));
}

/** test.salesforce.com, *.sandbox.my.salesforce.com, or a My Domain with the --SandboxName part. */
export function isSandboxHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'test.salesforce.com' || h.endsWith('.sandbox.my.salesforce.com') || /--[a-z0-9]+\./.test(h);
}

const isLocal = (host: string) => /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/i.test(host);

export function contextFacts(ctx: DiagnosisContext): Set<ContextFact> {
  const facts = new Set<ContextFact>();
  const host = ctx.loginHost?.toLowerCase();
  const user = ctx.username ?? '';
  if (host && user) {
    const sandboxUser = looksLikeSandboxUsername(user);
    if (sandboxUser && !isSandboxHost(host)) facts.add('sandboxUserOnProductionHost');
    const tld = user.toLowerCase().split('.').pop() ?? '';
    if (!sandboxUser && isSandboxHost(host) && COMMON_TLDS.has(tld)) facts.add('productionUserOnSandboxHost');
  }
  if (host && isLocal(host)) facts.add('localHost');
  if (ctx.flow === 'password') facts.add('flowPassword');
  if (ctx.flow === 'client-credentials') facts.add('flowClientCredentials');
  if (ctx.flow === 'jwt') facts.add('flowJwt');
  if (ctx.flow === 'uca') facts.add('flowUca');
  facts.add(ctx.tokenObtained ? 'tokenObtained' : 'noTokenObtained');
  return facts;
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase();
const among = (list: readonly string[] | undefined, value: string | undefined) =>
  list === undefined || (value !== undefined && list.some((x) => x.toLowerCase() === value.toLowerCase()));

/** The pattern's specificity when it holds (fields given), 0 when it does not. */
export function patternScore(p: EvidencePattern, e: Evidence, facts: ReadonlySet<ContextFact>): number {
  if (!among(p.error, e.error) || !among(p.errorCode, e.errorCode) || !among(p.networkCode, e.networkCode)) return 0;
  if (p.status && (e.status === undefined || !p.status.includes(e.status))) return 0;
  if (p.text) {
    const hay = `${lower(e.description)}\n${lower(e.message)}\n${lower(e.text)}`;
    if (!p.text.some((t) => hay.includes(t.toLowerCase()))) return 0;
  }
  if (p.requires && !p.requires.every((f) => facts.has(f))) return 0;
  const given = [p.error, p.errorCode, p.networkCode, p.status, p.text, p.requires].filter((x) => x !== undefined).length;
  return given;
}

/** Every entry that matches, best first (ties keep catalogue order). */
export function matchingEntries(e: Evidence, ctx: DiagnosisContext = {}): CatalogueEntry[] {
  const facts = contextFacts(ctx);
  return CATALOGUE.map((entry) => ({ entry, score: Math.max(0, ...entry.evidence.map((p) => patternScore(p, e, facts))) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((x) => x.entry);
}

/** Causes the evidence or a context fact points to first, the rest in catalogue order. */
export function rankCauses(causes: readonly Cause[], facts: ReadonlySet<ContextFact>, e?: Evidence): Cause[] {
  const promoted = causes.filter((c) => c.promotedBy?.some((f) => facts.has(f)) || (e !== undefined && c.seenWith?.some((p) => patternScore(p, e, facts) > 0)));
  return [...promoted, ...causes.filter((c) => !promoted.includes(c))];
}

function notesFor(entry: CatalogueEntry, ctx: DiagnosisContext, facts: ReadonlySet<ContextFact>): string[] {
  const notes: string[] = [];
  for (const what of entry.show ?? []) {
    if (what === 'loginHost' && ctx.loginHost) notes.push(`login host: ${ctx.loginHost}`);
    if (what === 'username' && ctx.username) notes.push(`username: ${ctx.username}`);
    if (what === 'redirectUri' && ctx.redirectUri) notes.push(`redirect_uri sent: ${ctx.redirectUri} (compare with the app's Callback URL)`);
    if (what === 'limitInfo' && ctx.limitInfo) notes.push(`Sforce-Limit-Info: ${ctx.limitInfo}`);
    if (what === 'flow' && ctx.flow) notes.push(`flow: ${ctx.flow}`);
  }
  const promotes = (f: ContextFact) => facts.has(f) && entry.causes.some((c) => c.promotedBy?.includes(f));
  if (promotes('sandboxUserOnProductionHost')) notes.push('the username looks like a sandbox user (…com.<sandbox>) but the login host is not a sandbox host');
  if (promotes('productionUserOnSandboxHost')) notes.push('the username looks like a production user but the login host is a sandbox host');
  return notes;
}

export function diagnosisOf(entry: CatalogueEntry, e: Evidence | undefined, ctx: DiagnosisContext = {}): Diagnosis {
  const facts = contextFacts(ctx);
  return {
    code: entry.code,
    title: entry.title,
    evidence: e ? describeEvidence(e) : entry.signature,
    causes: rankCauses(entry.causes, facts, e),
    guideStep: entry.guideStep,
    doc: entry.doc,
    notes: notesFor(entry, ctx, facts),
  };
}

/** The diagnosis for one piece of evidence, or undefined when no entry matches. */
export function diagnose(e: Evidence, ctx: DiagnosisContext = {}): Diagnosis | undefined {
  const entry = matchingEntries(e, ctx)[0];
  return entry ? diagnosisOf(entry, e, ctx) : undefined;
}

/**
 * Entries the evidence may mean when no pattern holds in full: the same OAuth error / errorCode / network code
 * (a bare "invalid_grant"), or, with no code at all, a description text of the entry ("user hasn't approved this consumer").
 */
export function candidateEntries(e: Evidence): CatalogueEntry[] {
  return CATALOGUE.filter((entry) =>
    entry.evidence.some((p) => {
      if (e.error && p.error) return among(p.error, e.error);
      if (e.errorCode && p.errorCode) return among(p.errorCode, e.errorCode);
      if (e.networkCode && p.networkCode) return among(p.networkCode, e.networkCode);
      if (!e.error && !e.errorCode && !e.networkCode && p.text) return p.text.some((t) => lower(e.text).includes(t.toLowerCase()));
      return false;
    }),
  );
}
