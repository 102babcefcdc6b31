import { beforeAll, describe, expect, it, vi } from "vitest";
import { freshStudioEnv } from "../../scripts/harness/studio-env";

// Counts the constant-time comparisons the verifier makes; the real function still does the work.
const compares = vi.hoisted(() => ({ count: 0 }));
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  const timingSafeEqual: typeof actual.timingSafeEqual = (a, b) => {
    compares.count++;
    return actual.timingSafeEqual(a, b);
  };
  return { ...actual, default: { ...actual, timingSafeEqual }, timingSafeEqual };
});

beforeAll(() => {
  freshStudioEnv("http://127.0.0.1:9", "k", { STUDIO_SIGNING_SECRET: "a-test-secret-of-enough-length" });
});

describe("signed asset links", () => {
  const future = () => String(Math.floor(Date.now() / 1000) + 3600);

  it("accepts the right signature before it expires, compared in constant time", async () => {
    const { signAssetUrl, verifyAssetSignature } = await import("@/lib/assets/signed-links");
    const exp = future();
    const before = compares.count;
    expect(verifyAssetSignature("asset-1", exp, signAssetUrl("asset-1", Number(exp)))).toBe(true);
    expect(compares.count).toBe(before + 1);
  });

  it("refuses a wrong signature of the right length, compared in constant time", async () => {
    const { signAssetUrl, verifyAssetSignature } = await import("@/lib/assets/signed-links");
    const exp = future();
    const good = signAssetUrl("asset-1", Number(exp));
    const flipped = (good[0] === "A" ? "B" : "A") + good.slice(1);
    const before = compares.count;
    expect(verifyAssetSignature("asset-1", exp, flipped)).toBe(false);
    expect(verifyAssetSignature("asset-2", exp, good)).toBe(false);
    expect(compares.count).toBe(before + 2);
  });

  it("refuses a signature of another length without throwing, also when the characters are multi-byte", async () => {
    const { signAssetUrl, verifyAssetSignature } = await import("@/lib/assets/signed-links");
    const exp = future();
    const good = signAssetUrl("asset-1", Number(exp));
    for (const sig of [good.slice(0, -1), `${good}A`, "", "é".repeat(good.length), null]) {
      expect(() => verifyAssetSignature("asset-1", exp, sig)).not.toThrow();
      expect(verifyAssetSignature("asset-1", exp, sig), String(sig)).toBe(false);
    }
  });

  it("refuses an expired or missing expiry even with its own signature", async () => {
    const { signAssetUrl, verifyAssetSignature } = await import("@/lib/assets/signed-links");
    const past = Math.floor(Date.now() / 1000) - 1;
    expect(verifyAssetSignature("asset-1", String(past), signAssetUrl("asset-1", past))).toBe(false);
    expect(verifyAssetSignature("asset-1", null, signAssetUrl("asset-1", 0))).toBe(false);
    expect(verifyAssetSignature("asset-1", "soon", signAssetUrl("asset-1", NaN))).toBe(false);
  });
});
