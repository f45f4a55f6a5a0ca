/**
 * Record visibility. Users with View All Data see everything. Others see, on objects whose org-wide
 * default is Private, the records they own and (with the role hierarchy on) records owned by users in
 * roles below theirs; Read and ReadWrite objects are visible to all, editable by all only when ReadWrite.
 */
import type { Org, OrgUser } from '../org';
import type { QueryAccess } from '../soql/env';
import type { DataSettings } from './options';
import type { StoredRecord } from './store';

function subordinates(org: Org, user: OrgUser): string[] {
  const roleId = user.role?.id;
  if (!roleId) return [];
  const below = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of org.users) {
      const parent = u.role?.parentRoleId;
      if (u.role && parent && (parent === roleId || below.has(parent)) && !below.has(u.role.id)) {
        below.add(u.role.id);
        grew = true;
      }
    }
  }
  return org.users.filter((u) => u.id !== user.id && u.role && below.has(u.role.id)).map((u) => u.id);
}

export function accessFor(org: Org, settings: DataSettings, userId: string): QueryAccess {
  const user = org.users.find((u) => u.id === userId);
  const privateObjects = new Set(Object.entries(settings.sharing).filter(([, model]) => model === 'Private').map(([name]) => name));
  if (!user) return { userId, utcOffsetMs: 0, visibleOwnerIds: [userId], privateObjects };
  const everything = user.permissions.viewAllData;
  const visibleOwnerIds = everything ? undefined : [user.id, ...(settings.roleHierarchy ? subordinates(org, user) : [])];
  const unreadable = user.profile.unreadableObjects;
  const readOnly = user.profile.readOnlyObjects;
  return {
    userId, utcOffsetMs: user.utcOffsetMs, visibleOwnerIds, privateObjects,
    ...(unreadable?.length ? { unreadableObjects: new Set(unreadable) } : {}),
    ...(readOnly?.length ? { readOnlyObjects: new Set(readOnly) } : {}),
  };
}

/** Whether the user's profile has Create, Edit and Delete on the object (object permissions; sharing is canEdit's). */
export function canModifyObject(type: string, access: QueryAccess): boolean {
  return !access.readOnlyObjects?.has(type);
}

export function canRead(record: StoredRecord, access: QueryAccess): boolean {
  if (!access.visibleOwnerIds || !access.privateObjects.has(record.type)) return true;
  const owner = record.values.OwnerId;
  return typeof owner !== 'string' || access.visibleOwnerIds.includes(owner);
}

export function canEdit(record: StoredRecord, access: QueryAccess, settings: DataSettings): boolean {
  if (!access.visibleOwnerIds) return true;
  const owner = record.values.OwnerId;
  if (typeof owner !== 'string') return true;
  if (settings.sharing[record.type] === 'ReadWrite') return true;
  return access.visibleOwnerIds.includes(owner);
}
