import { z } from "zod";
import { CATALOG } from "@/lib/catalog";
import { UNITS } from "@/lib/catalog/units";

// Request shapes of the spend routes: one schema for the form, the REST route and the domain.

const MODEL_IDS = CATALOG.map((m) => m.id) as [string, ...string[]];

export const priceItem = z.object({
  model: z.enum(MODEL_IDS, { error: "must be a model of the catalog (GET /api/v1/models lists them)" }),
  unit: z.enum(UNITS),
  price: z.number().min(0).max(1_000_000),
  when: z.record(z.string().min(1).max(40), z.union([z.string().max(40), z.number(), z.boolean()])).optional(),
});

/** PUT /api/v1/prices — the whole table; each PUT is a new version (past runs keep theirs). */
export const putPricesRequest = z.object({
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code like CNY")
    .default("CNY"),
  items: z.array(priceItem).max(500),
});
export type PutPricesRequest = z.infer<typeof putPricesRequest>;

const amount = z.number().min(0).max(1e12).nullable().optional();
const count = z.number().int().min(1).max(100_000).nullable().optional();

export const memberBudget = z.object({
  monthly: amount,
  daily: amount,
  maxConcurrent: count,
  maxPerHour: count,
});

/** PUT /api/v1/budgets — `null` removes a limit, a missing key keeps it. */
export const putBudgetsRequest = z.object({
  team: z.object({ monthly: amount, daily: amount, resetDay: z.number().int().min(1).max(28).optional() }).optional(),
  members: z.record(z.string().min(1), memberBudget).optional(),
});
export type PutBudgetsRequest = z.infer<typeof putBudgetsRequest>;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");

export const usageQuery = z.object({
  from: date.optional(),
  to: date.optional(),
  /** day: `YYYY-MM-DD`; week: its Monday's `YYYY-MM-DD`; month: `YYYY-MM` (UTC). */
  groupBy: z.enum(["model", "member", "day", "week", "month", "mode"]).default("day"),
  teamId: z.string().min(1).optional(),
});
export type UsageQuery = z.infer<typeof usageQuery>;
