export { toAssertion, type Assertion } from './assertion';
export {
  check,
  checkRequest,
  diagnosisCodes,
  isInfrastructureError,
  type CheckedRequest,
  type CheckedRun,
  type Summary,
  type Verdict,
} from './verdict';
export * from './diagnosis';
