import "server-only";
import type { Family } from "@/lib/catalog";
import { dashscopeAdapter } from "./dashscope";
import type { FamilyAdapter } from "./types";

const ADAPTERS: Partial<Record<Family, FamilyAdapter>> = {
  dashscope: dashscopeAdapter,
};

export function adapterFor(family: Family): FamilyAdapter | undefined {
  return ADAPTERS[family];
}
