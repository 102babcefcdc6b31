import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { E2E, STUDIO_URL } from "../../playwright.config";
import { emulator, expect, test } from "./fixtures";

const T2V = { model: "T0401001", mode: "text-to-video", prompt: "security: must not be sent" };

test.describe("Security: cross-site requests, body limits, tokens, headers, the TD key", () => {
  test("a page of another origin cannot start a paid generation with our cookie (form post, text/plain)", async ({
    page,
    request,
  }) => {
    const before = await emulator.lastSeq();
    const count = async () =>
      (await (await request.get("/api/v1/generations?limit=100")).json()).items.filter((g: { prompt: string }) =>
        g.prompt?.includes("csrf"),
      ).length;
    const had = await count();
    const attack = (origin: string) =>
      page.route(`${origin}/**`, (route) =>
        route.fulfill({
          contentType: "text/html",
          body: `<form id="f" method="POST" enctype="text/plain" action="${STUDIO_URL}/api/v1/generations"><input name='{"model":"T0401001","mode":"text-to-video","prompt":"csrf","x":"' value='"}'></form><script>document.getElementById("f").submit()</script>`,
        }),
      );
    // Another site: SameSite=Lax already keeps the cookie home, so the studio sees no caller.
    await attack("http://evil.test");
    let answered = page.waitForResponse((r) => r.url().startsWith(`${STUDIO_URL}/api/v1/generations`));
    await page.goto("http://evil.test/attack");
    expect((await answered).status()).toBe(401);
    // The same site on another port (cookies are sent): the Origin check refuses it.
    await attack("http://127.0.0.1:4999");
    answered = page.waitForResponse((r) => r.url().startsWith(`${STUDIO_URL}/api/v1/generations`));
    await page.goto("http://127.0.0.1:4999/attack");
    const refused = await answered;
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error).toMatchObject({
      code: "forbidden",
      reason: expect.stringMatching(/^cross_(site|origin)$/),
    });
    expect(await count()).toBe(had);
    expect((await emulator.requests(before)).filter((r) => r.op === "create")).toEqual([]);
  });

  test("cookie requests: another Origin or Sec-Fetch-Site is refused; JSON routes refuse other content types", async ({
    page,
  }) => {
    await page.goto("/history");
    const api = page.request; // the signed-in browser's cookie
    const evil = await api.post("/api/v1/generations", { headers: { Origin: "http://evil.test" }, data: T2V });
    expect(evil.status()).toBe(403);
    const crossSite = await api.post("/api/v1/generations", { headers: { "Sec-Fetch-Site": "cross-site" }, data: T2V });
    expect(crossSite.status()).toBe(403);
    const plain = await api.post("/api/v1/conversations", {
      headers: { Origin: STUDIO_URL, "Content-Type": "text/plain" },
      data: JSON.stringify({ model: "T0106004" }),
    });
    expect(plain.status()).toBe(415);
    expect((await plain.json()).error.message).toContain("application/json");
    const ok = await api.post("/api/v1/conversations", {
      headers: { Origin: STUDIO_URL },
      data: { model: "T0106004", title: "same origin" },
    });
    expect(ok.status()).toBe(201);
  });

  test("bodies over the limit are refused with 413 naming it, before they are read", async ({ request }) => {
    const big = JSON.stringify({ ...T2V, prompt: "x".repeat(1_100_000) });
    const r = await request.post("/api/v1/generations", { headers: { "Content-Type": "application/json" }, data: big });
    expect(r.status()).toBe(413);
    expect((await r.json()).error).toMatchObject({ code: "payload_too_large", limit: 1024 * 1024 });
    const chat = await request.post("/api/v1/chat/completions", {
      data: { model: "T0106004", messages: Array.from({ length: 2001 }, () => ({ role: "user", content: "hi" })) },
    });
    expect(chat.status()).toBe(400);
    expect((await chat.json()).error.code).toBe("too_many_messages");
  });

  test("tokens: shown once, stored hashed, last use recorded, revoked → 401; the OpenAI gateway takes one as its key", async ({
    request,
  }) => {
    const made = await request.post("/api/v1/tokens", { data: { name: "security test" } });
    expect(made.status()).toBe(201);
    const { id, token } = await made.json();
    expect(token).toMatch(/^tds_/);
    const listed = await (await request.get("/api/v1/tokens")).json();
    const row = listed.items.find((t: { id: string }) => t.id === id);
    expect(row).toMatchObject({ name: "security test", lastUsedAt: null });
    expect(JSON.stringify(listed)).not.toContain(token);
    const db = readFileSync(path.join(E2E.dataDir, "studio.db"));
    expect(db.includes(Buffer.from(token))).toBe(false);

    const mine = { Authorization: `Bearer ${token}` };
    expect((await fetch(`${STUDIO_URL}/api/v1/me`, { headers: mine })).status).toBe(200);
    const chat = await fetch(`${STUDIO_URL}/api/v1/chat/completions`, {
      method: "POST",
      headers: { ...mine, "Content-Type": "application/json" },
      body: JSON.stringify({ model: "T0106004", messages: [{ role: "user", content: "hi" }] }),
    });
    expect(chat.status).toBe(200);
    expect(
      (await (await request.get("/api/v1/tokens")).json()).items.find((t: { id: string }) => t.id === id).lastUsedAt,
    ).not.toBeNull();

    expect((await request.delete(`/api/v1/tokens/${id}`)).status()).toBe(204);
    expect((await fetch(`${STUDIO_URL}/api/v1/me`, { headers: mine })).status).toBe(401);
    const refused = await fetch(`${STUDIO_URL}/api/v1/chat/completions`, {
      method: "POST",
      headers: { ...mine, "Content-Type": "application/json" },
      body: "{}",
    });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.type).toBe("authentication_error");
  });

  test("pages carry a nonce CSP, frame-ancestors 'self', nosniff and a referrer policy — and work under them", async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on(
      "console",
      (m) => m.type() === "error" && /Content Security Policy|CSP/i.test(m.text()) && errors.push(m.text()),
    );
    const res = await page.goto("/video");
    const h = res!.headers();
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'self'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // The page is interactive (hydrated) under the policy: a mode tab switches.
    await expect(page.getByRole("textbox", { name: /提示词|Prompt/ })).toBeEditable();
    expect(errors).toEqual([]);
  });

  test("the TD key is in no shipped file", async () => {
    const key = process.env.STUDIO_BUILD_TD_KEY ?? "td-build-key-never-shipped";
    const root = path.resolve(process.env.NEXT_DIST_DIR ?? ".next", "static");
    const hits: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d)) {
        const p = path.join(d, e);
        if (statSync(p).isDirectory()) walk(p);
        else if (readFileSync(p).includes(key)) hits.push(p);
      }
    };
    walk(root);
    expect(hits).toEqual([]);
  });
});
