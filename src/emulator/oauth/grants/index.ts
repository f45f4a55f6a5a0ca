/** Supported grant types. Add a grant by adding its file and one entry here. */
import type { Grant } from './grant';
import { passwordGrant } from './password';

export const GRANTS: ReadonlyMap<string, Grant> = new Map([['password', passwordGrant]]);
