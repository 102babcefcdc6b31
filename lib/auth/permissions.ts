/**
 * Roles and what each may do: the one table every check reads. Routes, pages and actions ask for a
 * named permission (`can(role, "generation:create")`), never for a role.
 */
export const ROLES = ["admin", "member", "reviewer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "team:read", // see the team's work: generations, assets, voices, library, conversations list
  "generation:create", // start anything that spends TD money (generations, Seedance library items)
  "generation:cancel",
  "asset:upload",
  "chat:use", // chat turns and the OpenAI-compatible gateway (spends TD money)
  "voice:manage",
  "review:comment",
  "review:decide",
  "review:request", // ask people (or the whole team) to review a selection or a board
  "team:manage", // members, invites, team settings
  "token:manage", // one's own API tokens
  // Titles, tags, boards and trash in the gallery: shared team data. Favourites are personal bookmarks and
  // need only "team:read", so reviewers can star what they look at without changing anything others see.
  "gallery:organize",
  "share:create", // public share links of assets and boards
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL = new Set<Permission>(PERMISSIONS);
const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  admin: ALL,
  member: new Set(PERMISSIONS.filter((p) => p !== "team:manage")),
  // Reviewers see, comment and decide; they never spend.
  reviewer: new Set<Permission>(["team:read", "review:comment", "review:decide", "token:manage"]),
};

export function isRole(v: unknown): v is Role {
  return typeof v === "string" && (ROLES as readonly string[]).includes(v);
}

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((p) => GRANTS[role].has(p));
}
