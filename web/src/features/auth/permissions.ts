import type { Membership, User } from './api/session-schema';

/** What the web app shows per role. The server enforces access on every route; this only hides what would be refused. */

export function isStaff(user: User | null): boolean {
  return !!user && user.memberships.length > 0;
}

/** One entry per institution the user works at (a person may hold several roles at one). */
export function staffInstitutions(user: User | null): { id: string; name: string; roles: string[] }[] {
  if (!user) return [];
  const byId = new Map<string, { id: string; name: string; roles: string[] }>();
  for (const membership of user.memberships) {
    const entry = byId.get(membership.institution_id) ?? {
      id: membership.institution_id,
      name: membership.institution_name,
      roles: [],
    };
    if (!entry.roles.includes(membership.role)) entry.roles.push(membership.role);
    byId.set(membership.institution_id, entry);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function coordinatorInstitutions(user: User | null): Membership[] {
  if (!user) return [];
  return user.memberships
    .filter((membership) => membership.role === 'coordinator')
    .sort((a, b) => a.institution_name.localeCompare(b.institution_name));
}

export function canSeeStaff(user: User | null, institutionId: string): boolean {
  if (!user) return false;
  return user.is_admin || user.memberships.some((m) => m.institution_id === institutionId);
}

export function canManageStaff(user: User | null, institutionId: string): boolean {
  if (!user) return false;
  return (
    user.is_admin ||
    user.memberships.some((m) => m.institution_id === institutionId && m.role === 'coordinator')
  );
}

export function canSeeAudit(user: User | null): boolean {
  return !!user && (user.is_admin || coordinatorInstitutions(user).length > 0);
}

/** An institution's catalog (all its offerings, any status) is for its staff and admins. */
export function canSeeCatalog(user: User | null, institutionId: string): boolean {
  return canSeeStaff(user, institutionId);
}

/** Creating, editing, publishing and archiving offerings: the institution's coordinators and admins. */
export function canEditCatalog(user: User | null, institutionId: string): boolean {
  return canManageStaff(user, institutionId);
}
