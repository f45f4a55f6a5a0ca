/**
 * Parent relationships as LEFT JOINs: one join per distinct chain of reference fields (`Account`,
 * `Account.Owner`), each limited to the parents the user may see, so a hidden parent reads as null.
 */
import { quoteIdent } from '../data/db';
import type { SObjectDef } from '../data/schema';
import type { Params, QueryAccess } from './env';
import type { ResolvedPath } from './paths';

/** SQL condition limiting `alias` (a table of `object`) to rows the user sees, or undefined. */
export function visibilitySql(object: SObjectDef, alias: string, access: QueryAccess, params: Params): string | undefined {
  if (!access.visibleOwnerIds || !access.privateObjects.has(object.name)) return undefined;
  if (!object.fields.some((f) => f.name === 'OwnerId')) return undefined;
  const owners = access.visibleOwnerIds.map((id) => params.add(id));
  return `${alias}."OwnerId" IN (${owners.join(', ')})`;
}

export class Joins {
  readonly clauses: string[] = [];
  private readonly aliases = new Map<string, string>();

  constructor(
    private readonly rootAlias: string,
    private readonly access: QueryAccess,
    private readonly params: Params,
  ) {}

  /** Alias of the table reached after `depth` hops of `path` (the root for 0). */
  aliasAt(path: ResolvedPath, depth = path.hops.length): string {
    let alias = this.rootAlias;
    for (let i = 0; i < depth; i++) {
      const key = path.hops.slice(0, i + 1).map((h) => h.name).join('.');
      let next = this.aliases.get(key);
      if (!next) {
        next = `${this.rootAlias}_${this.aliases.size + 1}`;
        const target = path.objects[i]!;
        const visible = visibilitySql(target, next, this.access, this.params);
        this.clauses.push(
          `LEFT JOIN ${quoteIdent(target.name)} ${next} ON ${next}."Id" = ${alias}.${quoteIdent(path.hops[i]!.name)}${visible ? ` AND ${visible}` : ''}`,
        );
        this.aliases.set(key, next);
      }
      alias = next;
    }
    return alias;
  }

  column(path: ResolvedPath): string {
    return `${this.aliasAt(path)}.${quoteIdent(path.field.name)}`;
  }
}
