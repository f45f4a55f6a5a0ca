import type { AuthHandler } from './types';

/** `noauth`: sends the request as it is (and stops inheritance from folders and the collection). */
export const noauth: AuthHandler = {
  type: 'noauth',
  apply(): void {
    // nothing to add
  },
};
