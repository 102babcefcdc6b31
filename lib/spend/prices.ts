import "server-only";
import { randomUUID } from "node:crypto";
import type { PriceItem, PriceTable } from "@/lib/catalog/units";
import { db } from "@/lib/db";
import type { PutPricesRequest } from "./schema";

export interface PriceVersionView extends PriceTable {
  version: string | null;
  updatedAt: string | null;
}

type Client = Pick<ReturnType<typeof db>, "priceVersion">;

/** The price table in force now (the newest version), or an empty CNY table when none was ever set. */
export async function currentPrices(client: Client = db()): Promise<PriceVersionView> {
  const v = await client.priceVersion.findFirst({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  if (!v) return { version: null, updatedAt: null, currency: "CNY", items: [] };
  return {
    version: v.id,
    updatedAt: v.createdAt.toISOString(),
    currency: v.currency,
    items: JSON.parse(v.items) as PriceItem[],
  };
}

export async function pricesOfVersion(id: string | null | undefined): Promise<PriceTable | null> {
  if (!id) return null;
  const v = await db().priceVersion.findUnique({ where: { id } });
  return v ? { currency: v.currency, items: JSON.parse(v.items) as PriceItem[] } : null;
}

/** A new version of the table (operators only, checked by the route). */
export async function putPrices(req: PutPricesRequest, userId: string): Promise<PriceVersionView> {
  const id = randomUUID();
  const items = req.items.map((i) => ({
    model: i.model,
    unit: i.unit,
    price: i.price,
    ...(i.when ? { when: i.when } : {}),
  }));
  await db().priceVersion.create({
    data: { id, currency: req.currency, items: JSON.stringify(items), createdById: userId },
  });
  return currentPrices();
}
