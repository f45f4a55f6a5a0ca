/**
 * --folder NAME (repeatable): which requests of a collection run, as newman selects them (postman-runtime's
 * "multipleIdOrName" look-up, which newman uses for its repeatable --folder):
 * - each entry matches a folder or a request by id, else by name, anywhere in the tree; the first match in document
 *   order (pre-order: a folder before its contents, then its next sibling) wins, duplicate entries count once;
 * - the selected requests run in collection order, whatever the order of the flags; a selection nested inside another
 *   selected folder adds nothing;
 * - an entry that matches nothing fails the whole run before any request is sent.
 * Works on the raw JSON too (collectionTree), so the CLI can check --folder for both engines before a run.
 */
import { flattenCollection, type FlatItem, type TreeNode } from './collection';

export class FolderSelectionError extends Error {
  override readonly name = 'FolderSelectionError';
  constructor(
    readonly unknown: string[],
    readonly known: string[],
  ) {
    super(
      `no folder or request named ${unknown.map((u) => `"${u}"`).join(', ')} in the collection` +
        (known.length > 0 ? ` (folders: ${known.map((k) => `"${k}"`).join(', ')})` : ' (it has no folders)'),
    );
  }
}

/** The node numbers the entries select (outermost matches only); throws FolderSelectionError for unmatched entries. */
export function selectNodes(tree: readonly TreeNode[], entries: readonly string[]): Set<number> {
  const wanted = new Set(entries);
  const selected = new Set<number>();
  const visit = (nodes: readonly TreeNode[], accumulate: boolean): void => {
    for (const n of nodes) {
      if (wanted.size === 0) return;
      let match: string | undefined;
      if (n.id !== undefined && wanted.has(n.id)) match = n.id;
      else if (wanted.has(n.name)) match = n.name;
      if (match !== undefined) {
        if (accumulate) selected.add(n.node);
        wanted.delete(match);
      }
      if (n.children) visit(n.children, accumulate && match === undefined);
    }
  };
  visit(tree, true);
  if (wanted.size > 0) throw new FolderSelectionError([...wanted], folderNames(tree));
  return selected;
}

/** The items of the flat list that the entries select, in collection order. */
export function selectItems(items: readonly FlatItem[], tree: readonly TreeNode[], entries: readonly string[] | undefined): FlatItem[] {
  if (!entries || entries.length === 0) return [...items];
  const selected = selectNodes(tree, entries);
  return items.filter((item) => item.nodes.some((n) => selected.has(n)));
}

/** Every folder's name, nested ones as "Outer / Inner", in document order. */
export function folderNames(tree: readonly TreeNode[], prefix = ''): string[] {
  return tree.flatMap((n) => (n.children ? [`${prefix}${n.name}`, ...folderNames(n.children, `${prefix}${n.name} / `)] : []));
}

/** Checks --folder entries against a collection (v2 JSON); throws FolderSelectionError. */
export function checkFolders(collection: unknown, entries: readonly string[]): void {
  if (entries.length === 0) return;
  selectNodes(flattenCollection(collection).tree, entries);
}
