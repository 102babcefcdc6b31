import { describe, expect, it } from "vitest";
import { chatEstimateUnits } from "@/lib/catalog/units";
import { MIN_PROJECTION_DAYS, periodEnd, projectSpend } from "@/lib/spend/projection";
import { timeKey, weekOf } from "@/lib/spend/usage-keys";

const since = new Date("2026-03-01T00:00:00Z"); // a 31-day period
const at = (days: number) => new Date(since.getTime() + days * 86_400_000);

describe("burn-down projection", () => {
  it("gives none on the period's first days, where one morning's runs would read as a month's pace", () => {
    // The old projection: spent / max(1, elapsed) × 30 — 10 spent at 02:00 on day one read as 300.
    expect(projectSpend({ spent: 10, since, now: at(2 / 24), kind: "monthly" })).toBeUndefined();
    expect(projectSpend({ spent: 10, since, now: at(1), kind: "monthly" })).toBeUndefined();
    expect(projectSpend({ spent: 10, since, now: at(MIN_PROJECTION_DAYS - 0.01), kind: "monthly" })).toBeUndefined();
  });

  it("projects linearly from the time elapsed over the period's real length", () => {
    expect(projectSpend({ spent: 30, since, now: at(3), kind: "monthly" })).toBeCloseTo(310, 6); // 10 a day × 31
    expect(projectSpend({ spent: 100, since, now: at(15.5), kind: "monthly" })).toBeCloseTo(200, 6);
    // February has 28 days.
    const feb = new Date("2026-02-01T00:00:00Z");
    expect(periodEnd(feb, "monthly").toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(projectSpend({ spent: 28, since: feb, now: new Date("2026-02-08T00:00:00Z"), kind: "monthly" })).toBe(112);
    // A reset day other than the 1st: 15 March → 15 April.
    expect(periodEnd(new Date("2026-03-15T00:00:00Z"), "monthly").toISOString()).toBe("2026-04-15T00:00:00.000Z");
  });

  it("at or past the period's end it is what was spent; a daily budget has none", () => {
    expect(projectSpend({ spent: 50, since, now: at(31), kind: "monthly" })).toBe(50);
    expect(projectSpend({ spent: 50, since, now: at(40), kind: "monthly" })).toBe(50);
    expect(projectSpend({ spent: 5, since, now: at(0.9), kind: "daily" })).toBeUndefined();
  });
});

describe("usage time groups", () => {
  it("a week is keyed by its Monday, a month by YYYY-MM (UTC)", () => {
    expect(weekOf(new Date("2026-03-01T12:00:00Z"))).toBe("2026-02-23"); // a Sunday
    expect(weekOf(new Date("2026-03-02T00:00:00Z"))).toBe("2026-03-02"); // a Monday
    expect(timeKey("week", new Date("2026-03-08T23:59:59Z"))).toBe("2026-03-02");
    expect(timeKey("month", new Date("2026-03-31T23:59:59Z"))).toBe("2026-03");
    expect(timeKey("day", new Date("2026-03-31T23:59:59Z"))).toBe("2026-03-31");
  });
});

describe("gateway chat estimate", () => {
  it("counts the text of the messages (role and part names too, erring high; inline files not) as input tokens, the answer as max_tokens or the 4k default", () => {
    const messages = [
      {
        role: "user",
        content: [
          { type: "text", text: "你好" },
          { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } },
        ],
      },
    ];
    expect(chatEstimateUnits({ messages, max_tokens: 100 })).toEqual({ input_token: 4 + 4 + 2 + 9, output_token: 100 });
    expect(chatEstimateUnits({ messages: [{ role: "user", content: "hi" }] }).output_token).toBe(4096);
    expect(chatEstimateUnits({ messages: [], max_completion_tokens: 7, max_tokens: 9 }).output_token).toBe(7);
  });
});
