/**
 * A small router: routes are a path pattern, the methods they answer and a handler. HEAD is answered
 * wherever GET is (node:http drops the body). A known path with another method gets the route's own
 * wrong-method reply; an unknown path falls through to the caller.
 */
import type { Reply } from './http';

export interface Route<Args extends unknown[]> {
  pattern: RegExp;
  methods: readonly string[];
  handle: (match: RegExpExecArray, ...args: Args) => Reply | Promise<Reply>;
  /** Reply for a method not in `methods`. */
  wrongMethod: (method: string, allowed: readonly string[]) => Reply;
}

export type RouteMatch<Args extends unknown[]> = { route: Route<Args>; match: RegExpExecArray };

export function findRoute<Args extends unknown[]>(routes: readonly Route<Args>[], path: string): RouteMatch<Args> | undefined {
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (match) return { route, match };
  }
  return undefined;
}

/** Methods a route answers, with HEAD added where GET is allowed. */
export function allowedMethods(route: { methods: readonly string[] }): string[] {
  return route.methods.includes('GET') && !route.methods.includes('HEAD') ? [...route.methods, 'HEAD'] : [...route.methods];
}

export async function dispatch<Args extends unknown[]>(found: RouteMatch<Args>, method: string, ...args: Args): Promise<Reply> {
  const allowed = allowedMethods(found.route);
  if (!allowed.includes(method)) return found.route.wrongMethod(method, allowed);
  return found.route.handle(found.match, ...args);
}
