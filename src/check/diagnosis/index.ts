export { CATALOGUE, entryByCode, KNOWN_CODES } from './catalogue';
export { describeEvidence, networkEvidence, responseEvidence, textEvidence } from './evidence';
export { candidateEntries, contextFacts, diagnose, diagnosisOf, isSandboxHost, looksLikeSandboxUsername, matchingEntries, rankCauses } from './match';
export { contextAt, diagnoseRequest, diagnoseRequests, DIAGNOSIS_CODES, requestEvidence } from './run';
export { catalogueIndex, lookup, type Lookup } from './lookup';
export { STEP, DOC } from './guide';
export type { PreflightFinding, CatalogueEntry, Cause, ContextFact, Diagnosis, DiagnosisContext, DiagnosisFlow, Evidence, EvidencePattern, RequestDiagnosis, Sample } from './types';
