import sharp from "sharp";
import { emulator, expect, test } from "./fixtures";

test.describe("REST API /api/v1 (public contract)", () => {
  test("models: the catalog with modes, names and parameter limits", async ({ request }) => {
    const models = await (await request.get("/api/v1/models")).json();
    const t2v = models.find((m: { id: string }) => m.id === "T0401001");
    expect(t2v).toMatchObject({
      id: "T0401001",
      family: "dashscope",
      modes: ["text-to-video"],
      name: { zh: expect.any(String), en: expect.any(String) },
    });
    expect(t2v.params["text-to-video"].params.properties.duration).toMatchObject({
      minimum: 3,
      maximum: 15,
      default: 5,
    });
    expect(models.map((m: { id: string }) => m.id)).toEqual(
      expect.arrayContaining([
        "T0401001",
        "T0401002",
        "T0401003",
        "T0401004",
        "T0301004",
        "T0101007",
        "T0302007",
        "T0311001",
        "T0310001",
        "T0106004",
      ]),
    );
  });

  test("generations: 201 with the record, GET by id, list with cursor, cancel says why not", async ({ request }) => {
    const created = await request.post("/api/v1/generations", {
      data: { model: "T0401001", mode: "text-to-video", prompt: "api: a red kite", params: { duration: 3 } },
    });
    expect(created.status()).toBe(201);
    const g = await created.json();
    expect(g).toMatchObject({
      id: expect.any(String),
      model: "T0401001",
      mode: "text-to-video",
      status: expect.stringMatching(/queued|running/),
      outputs: [],
      createdAt: expect.any(String),
    });
    expect(created.headers()["location"]).toBe(`/api/v1/generations/${g.id}`);
    await expect
      .poll(async () => (await (await request.get(`/api/v1/generations/${g.id}`)).json()).status, { timeout: 30_000 })
      .toBe("succeeded");
    const done = await (await request.get(`/api/v1/generations/${g.id}`)).json();
    expect(done.outputs[0]).toMatchObject({
      assetId: expect.any(String),
      kind: "video",
      mime: "video/mp4",
      role: "video",
    });
    expect(done.finishedAt).toBeTruthy();

    await request.post("/api/v1/generations", {
      data: { model: "T0401001", mode: "text-to-video", prompt: "api: a second one" },
    });
    const page1 = await (await request.get("/api/v1/generations?limit=1&model=T0401001")).json();
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = await (
      await request.get(`/api/v1/generations?limit=1&model=T0401001&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2.items[0].id).not.toBe(page1.items[0].id);

    const running = await (
      await request.post("/api/v1/generations", {
        data: { model: "T0401001", mode: "text-to-video", prompt: "api: cancel me" },
      })
    ).json();
    const cancel = await request.post(`/api/v1/generations/${running.id}/cancel`);
    expect(cancel.status()).toBe(409);
    expect((await cancel.json()).error).toMatchObject({
      code: "not_cancelable",
      message: expect.stringContaining("cannot be cancelled"),
    });
  });

  test("bad requests get JSON errors that name the field and limit, and nothing is sent upstream", async ({
    request,
  }) => {
    const since = await emulator.lastSeq();
    const tooLong = await request.post("/api/v1/generations", {
      data: { model: "T0401001", mode: "text-to-video", prompt: "x", params: { duration: 16 } },
    });
    expect(tooLong.status()).toBe(422);
    expect((await tooLong.json()).error).toEqual({
      code: "validation_failed",
      message: "params.duration must be at most 15",
      field: "params.duration",
    });
    const noModel = await request.post("/api/v1/generations", {
      data: { model: "T9999999", mode: "text-to-video", prompt: "x" },
    });
    expect((await noModel.json()).error).toMatchObject({ code: "validation_failed", field: "model" });
    const badJson = await request.post("/api/v1/generations", {
      headers: { "Content-Type": "application/json" },
      data: "{oops",
    });
    expect(badJson.status()).toBe(400);
    expect((await badJson.json()).error.code).toBe("invalid_request");
    const badMode = await request.post("/api/v1/generations", {
      data: { model: "T0401001", mode: "dance", prompt: "x" },
    });
    expect(badMode.status()).toBe(400);
    expect((await badMode.json()).error.field).toBe("mode");
    const missing = await request.get("/api/v1/generations/does-not-exist");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: "not_found", message: "generation does-not-exist does not exist" },
    });
    expect((await emulator.requests(since)).filter((r) => r.op === "create")).toHaveLength(0);
  });

  test("assets: multipart upload checked against the chosen model, bytes back with Range, an unknown id is 404", async ({
    request,
  }) => {
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#cc6633" } })
      .png()
      .toBuffer();
    const up = await request.post("/api/v1/assets", {
      multipart: {
        file: { name: "frame.txt", mimeType: "text/plain", buffer: png },
        model: "T0401002",
        mode: "first-frame",
        role: "first_frame",
      },
    });
    expect(up.status()).toBe(201);
    const a = await up.json();
    expect(a).toMatchObject({
      id: expect.any(String),
      kind: "image",
      mime: "image/png",
      size: png.length,
      width: 640,
      height: 480,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const meta = await (await request.get(`/api/v1/assets/${a.id}`)).json();
    expect(meta.id).toBe(a.id);
    const part = await request.get(`/api/v1/assets/${a.id}/file`, { headers: { Range: "bytes=1-3" } });
    expect(part.status()).toBe(206);
    expect(Buffer.from(await part.body()).toString("latin1")).toBe("PNG");
    expect(part.headers()["content-type"]).toBe("image/png");

    const tiny = await sharp({ create: { width: 100, height: 100, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    const refused = await request.post("/api/v1/assets", {
      multipart: {
        file: { name: "a.png", mimeType: "image/png", buffer: tiny },
        model: "T0401002",
        mode: "first-frame",
        role: "first_frame",
      },
    });
    expect(refused.status()).toBe(422);
    expect((await refused.json()).error.message).toContain("width 100px is below the minimum 300px");

    const pdf = await request.post("/api/v1/assets", {
      multipart: { file: { name: "x.png", mimeType: "image/png", buffer: Buffer.from("%PDF-1.7 not an image") } },
    });
    expect(pdf.status()).toBe(422);
    expect((await pdf.json()).error.field).toBe("file");

    // Files are looked up by asset id, never by a path from the request: traversal is tested on the key guard
    // itself (tests/unit/storage-keys.test.ts).
    const unknown = await request.get("/api/v1/assets/no-such-asset/file");
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
  });
});
