import { Readable } from "node:stream";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";

beforeAll(() => {
  freshStudioEnv("http://127.0.0.1:9", "k");
});

const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: "#3366aa" } })
    .png()
    .toBuffer();

describe("uploads", () => {
  it("stores an image, finds its type from the bytes and reads its size", async () => {
    const { storeAsset } = await import("@/lib/assets/store");
    const bytes = await png(640, 360);
    const a = await storeAsset(Readable.from([bytes]), TEST_SCOPE);
    expect(a).toMatchObject({
      kind: "image",
      mime: "image/png",
      size: bytes.length,
      width: 640,
      height: 360,
      origin: "upload",
    });
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a file whose bytes are not an accepted type, whatever its name", async () => {
    const { storeAsset } = await import("@/lib/assets/store");
    await expect(storeAsset(Readable.from([Buffer.from("%PDF-1.4 hello")]), TEST_SCOPE)).rejects.toMatchObject({
      code: "validation_failed",
      field: "file",
    });
  });

  it("checks the intended model's limits at upload time and names the limit", async () => {
    const { storeAsset } = await import("@/lib/assets/store");
    const small = await png(200, 200);
    await expect(
      storeAsset(Readable.from([small]), TEST_SCOPE, { model: "T0401002", mode: "first-frame", role: "first_frame" }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("below the minimum 300px"),
    });
    const wide = await png(1300, 400);
    await expect(
      storeAsset(Readable.from([wide]), TEST_SCOPE, { model: "T0401002", mode: "first-frame", role: "first_frame" }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("aspect ratio 3.25 is outside 1:2.5–2.5:1"),
    });
    const ok = await png(800, 600);
    await expect(
      storeAsset(Readable.from([ok]), TEST_SCOPE, { model: "T0401002", mode: "first-frame", role: "first_frame" }),
    ).resolves.toMatchObject({ width: 800 });
  });
});

describe("safe fetch of user URLs", () => {
  const refused = { code: "validation_failed", field: "url", message: "this address can't be fetched" };

  it("refuses loopback, private, link-local and non-http targets, in every IPv6 spelling", async () => {
    const { assertFetchable, isPrivateAddress } = await import("@/lib/net/safe-fetch");
    const local = [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "::1",
      "fd00::1",
      "fe80::1",
      "0.0.0.0",
      "100.64.0.1",
    ];
    // The URL parser writes [::ffff:127.0.0.1] as [::ffff:7f00:1]: both spellings, and the metadata address, are one check.
    local.push("::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:a9fe:a9fe", "0:0:0:0:0:ffff:a9fe:a9fe");
    for (const ip of local) expect(isPrivateAddress(ip), ip).toBe(true);
    expect(isPrivateAddress("93.184.216.34")).toBe(false);
    for (const raw of [
      "http://127.0.0.1/x",
      "http://[::ffff:127.0.0.1]/x",
      "http://[::ffff:a9fe:a9fe]/latest/meta-data",
    ]) {
      await expect(assertFetchable(raw), raw).rejects.toMatchObject(refused);
    }
    await expect(assertFetchable("file:///etc/passwd")).rejects.toMatchObject({
      message: expect.stringContaining("http(s)"),
    });
    await expect(assertFetchable("http://evil.example/x", { resolve: async () => ["10.0.0.5"] })).rejects.toMatchObject(
      refused,
    );
    await expect(
      assertFetchable("http://cdn.example/x", { resolve: async () => ["93.184.216.34"] }),
    ).resolves.toBeInstanceOf(URL);
    await expect(
      assertFetchable("http://127.0.0.1:4010/files/x", { allowOrigins: ["http://127.0.0.1:4010"] }),
    ).resolves.toBeInstanceOf(URL);
  });

  it("re-checks every redirect, and does not say where it pointed", async () => {
    const http = await import("node:http");
    const server = http.createServer((_req, res) => {
      res.writeHead(302, { Location: "http://169.254.169.254/latest/meta-data" });
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const origin = `http://127.0.0.1:${(server.address() as import("node:net").AddressInfo).port}`;
    const { safeFetch } = await import("@/lib/net/safe-fetch");
    const err = await safeFetch(`${origin}/start`, { allowOrigins: [origin] }).catch((e: unknown) => e);
    expect(err).toMatchObject(refused);
    expect(JSON.stringify(err)).not.toContain("169.254");
    server.close();
  });
});
