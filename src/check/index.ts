export { toAssertion, type Assertion } from './assertion';
export {
  check,
  checkRequest,
  isInfrastructureError,
  type CheckedRequest,
  type CheckedRun,
  type Summary,
  type Verdict,
} from './verdict';
