"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Permission, Role } from "@/lib/auth/permissions";

/** What the browser may know of its caller: shown in the shell, and used to hide what the role cannot do. */
export interface CallerInfo {
  user: { id: string; name: string; email: string; operator: boolean };
  team: { id: string; name: string };
  role: Role;
  permissions: Permission[];
  teams: { id: string; name: string; role: Role }[];
}

const Ctx = createContext<CallerInfo | null>(null);

export function CallerProvider({ value, children }: { value: CallerInfo; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useCaller(): CallerInfo | null {
  return useContext(Ctx);
}

/** Whether the caller's role has a permission (the server checks again; this only shapes the UI). */
export function useCan(permission: Permission): boolean {
  const c = useContext(Ctx);
  return !c || c.permissions.includes(permission);
}
