import { QueryClient, type InfiniteData } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { GenerationView } from "@/lib/client/api";
import { applyGeneration } from "@/lib/client/team-events";

type Page = { items: GenerationView[]; nextCursor: string | null };
const gen = (id: string, createdAt: string, status = "running") =>
  ({ id, createdAt, status, model: "T0401001", mode: "text-to-video", outputs: [] }) as unknown as GenerationView;
const list = (qc: QueryClient, filters: Record<string, string>) =>
  (qc.getQueryData(["generations", filters]) as InfiniteData<Page>).pages.flatMap((p) => p.items.map((i) => i.id));

describe("a pushed generation in the loaded history lists", () => {
  it("joins the unfiltered list where it sorts, but not a list filtered to another record (?id=)", () => {
    const qc = new QueryClient();
    const seed = (filters: Record<string, string>, items: GenerationView[]) =>
      qc.setQueryData(["generations", filters], { pages: [{ items, nextCursor: null }], pageParams: [null] });
    seed({}, [gen("a", "2026-12-07T01:00:00Z")]);
    seed({ id: "a" }, [gen("a", "2026-12-07T01:00:00Z")]);
    seed({ status: "running" }, [gen("a", "2026-12-07T01:00:00Z")]);
    applyGeneration(qc, gen("b", "2026-12-07T02:00:00Z"));
    expect(list(qc, {})).toEqual(["b", "a"]);
    expect(list(qc, { status: "running" })).toEqual(["b", "a"]);
    expect(list(qc, { id: "a" })).toEqual(["a"]);
    // Its own record still updates in place there.
    applyGeneration(qc, gen("a", "2026-12-07T01:00:00Z", "succeeded"));
    expect(list(qc, { id: "a" })).toEqual(["a"]);
    expect(list(qc, { status: "running" })).toEqual(["b"]);
  });
});
