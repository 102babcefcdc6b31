import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshStudioEnv } from "../../scripts/harness/studio-env";

// Three loopback servers: TD's configured address, an origin the operator lists, and one nobody allowed.
const servers: http.Server[] = [];
const hits = { td: 0, listed: 0, other: 0 };
let png: Buffer;
const origins = { td: "", listed: "", other: "" };

async function serve(name: keyof typeof hits) {
  const server = http.createServer((_req, res) => {
    hits[name]++;
    res.writeHead(200, { "Content-Type": "image/png" });
    res.end(png);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  origins[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#336699" } })
    .png()
    .toBuffer();
  await Promise.all([serve("td"), serve("listed"), serve("other")]);
  freshStudioEnv(origins.td, "k", { STUDIO_FETCH_ALLOW_ORIGINS: ` ${origins.listed}/ , https://cdn.example.com:8443` });
});
afterAll(() => {
  for (const s of servers) s.close();
});

async function archiveFrom(url: string) {
  const [{ db }, { archiveAsset }] = await Promise.all([import("@/lib/db"), import("@/lib/generations/archive")]);
  const id = `asset-${Math.random().toString(36).slice(2)}`;
  await db().asset.create({
    data: { id, kind: "image", mime: "image/png", origin: "output", upstreamUrl: url, archiveState: "temporary" },
  });
  await archiveAsset(id);
  return db().asset.findUniqueOrThrow({ where: { id } });
}

describe("the archiver downloads TD outputs through the address guard", () => {
  it("refuses an output URL on a loopback origin that is not TD_BASE_URL's, without touching it", async () => {
    const row = await archiveFrom(`${origins.other}/files/out.png`);
    expect(row.archiveState).toBe("failed");
    expect(row.archiveError).toContain("this address can't be fetched");
    expect(row.archiveError).not.toContain("127.0.0.1");
    expect(hits.other).toBe(0);
  });

  it("archives from TD_BASE_URL's exact origin and from an origin in STUDIO_FETCH_ALLOW_ORIGINS", async () => {
    const fromTd = await archiveFrom(`${origins.td}/files/out.png`);
    expect(fromTd).toMatchObject({ archiveState: "archived", size: png.length, width: 64, height: 48 });
    const fromListed = await archiveFrom(`${origins.listed}/files/out.png`);
    expect(fromListed).toMatchObject({ archiveState: "archived", size: png.length });
    expect(hits).toMatchObject({ td: 1, listed: 1, other: 0 });
  });
});

describe("STUDIO_FETCH_ALLOW_ORIGINS", () => {
  const base = { TD_BASE_URL: "https://modelpool-api.talkingdata.com", TD_API_KEY: "k" };

  it("is read as a list of exact origins", async () => {
    const { parseEnv } = await import("@/lib/config/env");
    expect(parseEnv(base).STUDIO_FETCH_ALLOW_ORIGINS).toEqual([]);
    expect(
      parseEnv({
        ...base,
        STUDIO_FETCH_ALLOW_ORIGINS: "https://cdn.example.com, http://10.0.0.5:8080/,HTTP://Files.Example:80",
      }).STUDIO_FETCH_ALLOW_ORIGINS,
    ).toEqual(["https://cdn.example.com", "http://10.0.0.5:8080", "http://files.example"]);
  });

  it("refuses an entry that is not a bare http(s) origin, naming the variable", async () => {
    const { parseEnv } = await import("@/lib/config/env");
    for (const bad of [
      "https://cdn.example.com/outputs",
      "ftp://files.example",
      "cdn.example.com",
      "https://u:p@cdn.example.com",
      "https://cdn.example.com/?x=1",
    ]) {
      expect(() => parseEnv({ ...base, STUDIO_FETCH_ALLOW_ORIGINS: bad }), bad).toThrow(
        /STUDIO_FETCH_ALLOW_ORIGINS: .*is not an origin/,
      );
    }
  });
});
