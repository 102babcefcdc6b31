import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { STUDIO_URL } from "../../playwright.config";
import { apiRoutes, cliAccount, studioPages, type RouteMethod } from "./access-helpers";
import { adminToken } from "./auth-helpers";
import { emulator, expect, test } from "./fixtures";

// Every route file under app/api and every page, checked without a caller, as another team and as a
// reviewer. The routes are read from the files, so a route added later is checked too — and one that
// declares no access fails the first test.

const REVIEWER_CAN = new Set(["team:read", "review:comment", "review:decide", "token:manage", "signed-in"]);
const PUBLIC = new Set(["public", "catch-all"]);
const BODIES: Record<string, unknown> = {
  "PATCH /api/v1/team/members/[userId]": { role: "member" },
  "PATCH /api/v1/conversations/[id]": { title: "renamed by someone else" },
  "PATCH /api/v1/voices/[id]": { name: "renamed by someone else" },
  "POST /api/v1/conversations/[id]/messages": { model: "T0106004", content: "hello" },
  "PATCH /api/v1/boards/[id]": { name: "renamed by someone else" },
  "PATCH /api/v1/assets/[id]": { favorite: true },
  // Valid bodies, so that the answer is about the record, not the input.
  "POST /api/v1/assets/[id]/comments": { body: "a comment from someone else" },
  "PATCH /api/v1/comments/[id]": { body: "edited by someone else" },
  "PUT /api/v1/assets/[id]/rating": { stars: 3 },
  "POST /api/v1/assets/[id]/review": { decision: "approved" },
  "POST /api/v1/experiments/[id]/votes": { row: 0, winner: 0 },
};
const itemBodies = () => ({
  "POST /api/v1/boards/[id]/items": { assetIds: [ids["api/v1/assets"]] },
  "DELETE /api/v1/boards/[id]/items": { assetIds: [ids["api/v1/assets"]] },
  "PATCH /api/v1/boards/[id]/items": { assetId: ids["api/v1/assets"] },
});

let ids: Record<string, string> = {};
let other = "";
let reviewer = "";
const routes = apiRoutes();
const routesWithParam = routes.filter((r) => /\[/.test(r.path) && !PUBLIC.has(r.access));

function concrete(r: RouteMethod): string {
  return r.path
    .replace(/\/([a-z0-9/]+)\/\[(\w+)\]/g, (_m, prefix: string) => `/${prefix}/${ids[prefix] ?? randomUUID()}`)
    .replace(/\[\.\.\.\w+\]/, "nothing-here");
}

async function call(r: RouteMethod, headers: Record<string, string>) {
  const key = `${r.method} ${r.path}`;
  const sent = ({ ...BODIES, ...itemBodies() } as Record<string, unknown>)[key];
  const hasBody = sent !== undefined || !["GET", "HEAD", "DELETE"].includes(r.method);
  const init: RequestInit = {
    method: r.method,
    headers: { ...headers, ...(hasBody ? { "Content-Type": "application/json" } : {}) },
  };
  if (hasBody) init.body = JSON.stringify(sent ?? {});
  const res = await fetch(STUDIO_URL + concrete(r), init);
  // An event stream (GET /api/v1/events) never ends by itself: its status and headers are the answer.
  const stream = /^text\/event-stream/.test(res.headers.get("content-type") ?? "");
  const text = stream ? (await res.body?.cancel(), "") : await res.text();
  let body: { error?: { code?: string; permission?: string } } = {};
  try {
    body = JSON.parse(text);
  } catch {
    /* a stream or a file */
  }
  return { status: res.status, body, key };
}

test.describe("Access control on every route and page", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(120_000);
    other = cliAccount("other-admin@e2e.test", "Other team", "admin");
    reviewer = cliAccount("reviewer@e2e.test", "E2E", "reviewer");
    const api = await playwright.request.newContext({
      baseURL: STUDIO_URL,
      extraHTTPHeaders: { Authorization: `Bearer ${adminToken()}` },
    });
    const gen = await (
      await api.post("/api/v1/generations", {
        data: { model: "T0401001", mode: "text-to-video", prompt: "access: team E2E only" },
      })
    ).json();
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#336699" } })
      .png()
      .toBuffer();
    const asset = await (
      await api.post("/api/v1/assets", { multipart: { file: { name: "a.png", mimeType: "image/png", buffer: png } } })
    ).json();
    const conv = await (
      await api.post("/api/v1/conversations", { data: { model: "T0106004", title: "access: team E2E chat" } })
    ).json();
    const voice = await (
      await api.post("/api/v1/voices", { data: { voiceId: `s1_access${Date.now()}`, name: "access voice" } })
    ).json();
    const invite = await (await api.post("/api/v1/team/invites", { data: { role: "member" } })).json();
    const board = await (await api.post("/api/v1/boards", { data: { name: "access: team E2E board" } })).json();
    const experiment = await (
      await api.post("/api/v1/experiments", {
        data: {
          name: "access: team E2E experiment",
          prompts: ["access: team E2E experiment"],
          variants: [{ model: "T0401001", mode: "text-to-video" }],
        },
      })
    ).json();
    const prompt = await (
      await api.post("/api/v1/prompts", { data: { name: `access prompt ${Date.now()}`, body: "team E2E only" } })
    ).json();
    const tokens = await (await api.get("/api/v1/tokens")).json();
    const team = await (await api.get("/api/v1/team")).json();
    const reviewerId = team.members.find((m: { email: string }) => m.email === "reviewer@e2e.test").userId;
    ids = {
      "api/v1/generations": gen.id,
      "api/v1/assets": asset.id,
      "api/v1/conversations": conv.id,
      "api/v1/voices": voice.id,
      "api/v1/team/invites": invite.id,
      "api/v1/team/members": reviewerId,
      "api/v1/tokens": tokens.items[0].id,
      "api/v1/boards": board.id,
      "api/v1/experiments": experiment.id,
      "api/v1/prompts": prompt.id,
    };
    for (const [k, v] of Object.entries(ids)) expect(v, k).toBeTruthy();
    await api.dispose();
  });

  test("every route method declares who may call it", async () => {
    expect(routes.length).toBeGreaterThan(40);
    const undeclared = routes.filter((r) => r.access === "undeclared").map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
  });

  test("openapi.json lists every route method with the access its file declares", async ({ request }) => {
    const doc = await (await request.get("/api/v1/openapi.json")).json();
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.access !== "catch-all")) {
      const op = doc.paths[r.path.replace(/\[(\w+)\]/g, "{$1}")]?.[r.method.toLowerCase()];
      if (!op) wrong.push(`${r.method} ${r.path} is missing`);
      else if (op["x-permission"] !== r.access)
        wrong.push(`${r.method} ${r.path}: document says ${op["x-permission"]}, file says ${r.access}`);
      else if ((r.access === "public") !== (op.security.length === 0))
        wrong.push(`${r.method} ${r.path}: security ${JSON.stringify(op.security)}`);
    }
    expect(wrong).toEqual([]);
  });

  test("without a caller every non-public route answers 401", async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => !PUBLIC.has(x.access))) {
      const res = await call(r, {});
      if (res.status !== 401 || (r.method !== "HEAD" && res.body.error?.code !== "unauthorized"))
        wrong.push(`${res.key} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  test("a caller from another team gets 404 for our records, and none of them in lists", async () => {
    const wrong: string[] = [];
    for (const r of routesWithParam) {
      const res = await call(r, { Authorization: `Bearer ${other}` });
      if (res.status !== 404) wrong.push(`${res.key} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
    const lists = [
      "/api/v1/generations",
      "/api/v1/assets",
      "/api/v1/conversations",
      "/api/v1/voices",
      "/api/v1/gallery?origin=all",
      "/api/v1/boards",
      "/api/v1/experiments",
      "/api/v1/prompts",
    ];
    for (const l of lists) {
      const text = await (await fetch(STUDIO_URL + l, { headers: { Authorization: `Bearer ${other}` } })).text();
      for (const id of Object.values(ids)) expect(text, `${l} shows ${id}`).not.toContain(id);
    }
  });

  test("a reviewer gets 403 naming the permission wherever the role may not act, and is let through elsewhere", async () => {
    const before = await emulator.lastSeq();
    const wrong: string[] = [];
    for (const r of routes.filter((x) => !PUBLIC.has(x.access))) {
      const res = await call(r, { Authorization: `Bearer ${reviewer}` });
      // The operator's metrics token is not a studio token: any studio caller is simply not authenticated there.
      if (r.access === "metrics-token") {
        if (res.status !== 401) wrong.push(`${res.key} → ${res.status}; a studio token must not open it`);
        continue;
      }
      const mayAct = REVIEWER_CAN.has(r.access);
      if (mayAct && (res.status === 401 || res.body.error?.permission))
        wrong.push(`${res.key} refused (${res.status}) though ${r.access} is a reviewer's`);
      if (
        !mayAct &&
        (res.status !== 403 || res.body.error?.permission !== (r.access === "operator" ? "studio:operate" : r.access))
      )
        wrong.push(`${res.key} → ${res.status} ${JSON.stringify(res.body.error)}; expected 403 for ${r.access}`);
    }
    expect(wrong).toEqual([]);
    // Nothing a reviewer did reached TD.
    expect((await emulator.requests(before)).filter((q) => q.op === "create")).toEqual([]);
  });

  test("pages: signed out → sign-in (and back after), another team sees none of ours, a reviewer sees but cannot generate", async ({
    browser,
  }) => {
    const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await anon.newPage();
    for (const p of studioPages().filter(
      (x) => !["/setup", "/sign-in", "/sign-up", "/no-team"].includes(x) && !x.includes("["),
    )) {
      await page.goto(p);
      await expect(page, p).toHaveURL(/\/sign-in(\?|$)/);
    }
    await page.goto("/history?status=failed");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/history?status=failed");
    await page.goto("/invite/not-a-real-invite");
    await expect(page.getByText(/不是有效|not valid any more|已失效/)).toBeVisible();
    await anon.close();

    const asOther = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const o = await asOther.newPage();
    expect(
      (
        await o.request.post("/api/v1/auth/sign-in", {
          data: { email: "other-admin@e2e.test", password: "e2e-password-long" },
        })
      ).status(),
    ).toBe(200);
    await o.goto(`/video?from=${ids["api/v1/generations"]}`);
    await expect(o.getByTestId("current-team").first()).toContainText("Other team");
    await expect(o.getByRole("textbox", { name: /提示词|Prompt/ })).not.toHaveValue(/access: team E2E only/);
    await o.goto("/history");
    await expect(o.getByText("access: team E2E only")).toHaveCount(0);
    await asOther.close();

    const asReviewer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const rv = await asReviewer.newPage();
    await rv.request.post("/api/v1/auth/sign-in", {
      data: { email: "reviewer@e2e.test", password: "e2e-password-long" },
    });
    await rv.goto("/history");
    await expect(rv.getByText("access: team E2E only").first()).toBeVisible();
    await rv.goto("/video");
    await expect(rv.getByTestId("read-only-notice")).toBeVisible();
    await expect(rv.getByRole("button", { name: /^(生成|Generate)$/ })).toHaveCount(0);
    await asReviewer.close();
  });
});
