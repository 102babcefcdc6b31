import "server-only";
import type { Family } from "@/lib/catalog";
import { arkAdapter } from "./ark";
import { dashscopeAdapter } from "./dashscope";
import { vodAdapter } from "./vod";
import type { FamilyAdapter } from "./types";

const ADAPTERS: Partial<Record<Family, FamilyAdapter>> = {
  dashscope: dashscopeAdapter,
  ark: arkAdapter,
  vod: vodAdapter,
};

export function adapterFor(family: Family): FamilyAdapter | undefined {
  return ADAPTERS[family];
}
