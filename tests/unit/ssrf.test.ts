import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";

// The single answer for every refused address; written out here so the test does not trust the module under test.
const REFUSED = { code: "validation_failed", field: "url", message: "this address can't be fetched" };
const publicDns = async () => ["93.184.216.34"];

const load = () => import("@/lib/net/safe-fetch");

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const servers: http.Server[] = [];
/** A loopback HTTP server for this file, with a count of the requests it saw. */
async function serve(handler: Handler) {
  const seen = { hits: 0 };
  const server = http.createServer((req, res) => {
    seen.hits++;
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  return { seen, port, origin: `http://127.0.0.1:${port}` };
}
afterAll(() => {
  for (const s of servers) s.close();
});

describe("address guard: every spelling of a non-public address is refused", () => {
  const refusedUrls = [
    // IPv4 ranges
    ...[
      "0.0.0.0",
      "0.1.2.3",
      "10.0.0.1",
      "10.255.255.255",
      "127.0.0.1",
      "127.255.255.254",
      "100.64.0.1",
      "100.127.255.255",
      "169.254.169.254",
    ].map((h) => `http://${h}/`),
    ...[
      "172.16.0.1",
      "172.31.255.255",
      "192.0.0.8",
      "192.0.2.1",
      "192.88.99.1",
      "192.168.1.1",
      "198.18.0.1",
      "198.19.255.255",
      "198.51.100.7",
    ].map((h) => `http://${h}/`),
    ...["203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255"].map((h) => `http://${h}/`),
    // IPv4 spellings the WHATWG URL parser turns into 127.0.0.1 / 0.0.0.0 / 169.254.169.254
    "http://2130706433/",
    "http://0177.0.0.1/",
    "http://0x7f.1/",
    "http://0x7f000001/",
    "http://127.1/",
    "http://017700000001/",
    "http://127.0.0.1./",
    "http://0/",
    "http://%31%32%37.0.0.1/",
    "http://0xa9.0xfe.0xa9.0xfe/",
    "http://2852039166/",
    // IPv6: loopback, unspecified, mapped (dotted and hex), compatible, NAT64, 6to4, Teredo, site/unique/link-local, multicast
    "http://[::1]/",
    "http://[0:0:0:0:0:0:0:1]/",
    "http://[::]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[0:0:0:0:0:ffff:7f00:0001]/",
    "http://[::ffff:a9fe:a9fe]/",
    "http://[::ffff:169.254.169.254]/",
    "http://[::ffff:10.0.0.1]/",
    "http://[::ffff:0:7f00:1]/",
    "http://[::127.0.0.1]/",
    "http://[::a9fe:a9fe]/",
    "http://[::8.8.8.8]/",
    "http://[64:ff9b::127.0.0.1]/",
    "http://[64:ff9b::a9fe:a9fe]/",
    "http://[64:ff9b::10.1.2.3]/",
    "http://[64:ff9b:1::808:808]/",
    "http://[2002:7f00:1::]/",
    "http://[2002:a9fe:a9fe::1]/",
    "http://[2002:c0a8:101::1]/",
    "http://[2001::1]/",
    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
    "http://[2001:db8::1]/",
    "http://[fec0::1]/",
    "http://[feff::1]/",
    "http://[fc00::1]/",
    "http://[fd12:3456:789a::1]/",
    "http://[fe80::1]/",
    "http://[febf:ffff::1]/",
    "http://[ff02::1]/",
    "http://[ff05::1:3]/",
    "http://[100::1]/",
  ];

  it.each(refusedUrls)("%s", async (raw) => {
    const { assertFetchable } = await load();
    const err = await assertFetchable(raw, { resolve: publicDns }).catch((e: unknown) => e);
    expect(err).toMatchObject(REFUSED);
  });

  it("refuses a host name when any of its addresses is not public, in any spelling, without naming the address", async () => {
    const { assertFetchable } = await load();
    for (const answer of [
      ["10.0.0.5"],
      ["93.184.216.34", "127.0.0.1"],
      ["::ffff:7f00:1"],
      ["2606:4700::1", "fd00::1"],
      ["fe80::1%eth0"],
      ["not-an-ip"],
    ]) {
      const err = await assertFetchable("http://cdn.example/x", { resolve: async () => answer }).catch(
        (e: unknown) => e,
      );
      expect(err, answer.join(",")).toMatchObject(REFUSED);
      expect(JSON.stringify(err)).not.toContain(answer[answer.length - 1]);
    }
    // localhost through the system resolver.
    await expect(assertFetchable("http://localhost:4110/")).rejects.toMatchObject(REFUSED);
    // An unresolvable host keeps its own message, still without addresses.
    await expect(assertFetchable("http://nowhere.example/", { resolve: async () => [] })).rejects.toMatchObject({
      field: "url",
      message: expect.stringContaining("could not be resolved"),
    });
  });

  it("accepts public addresses, including public IPv4 behind mapped, NAT64 and 6to4 forms", async () => {
    const { assertFetchable, isPrivateAddress } = await load();
    const ok = [
      "http://93.184.216.34/",
      "http://8.8.8.8/",
      "http://172.32.0.1/",
      "http://100.128.0.1/",
      "http://198.20.0.1/",
      "http://192.0.3.1/",
      "http://[2606:4700:4700::1111]/",
    ];
    ok.push(
      "http://[::ffff:93.184.216.34]/",
      "http://[64:ff9b::808:808]/",
      "http://[2002:808:808::1]/",
      "http://[2a00:1450:4001:80b::200e]/",
    );
    for (const raw of ok) await expect(assertFetchable(raw), raw).resolves.toBeInstanceOf(URL);
    await expect(
      assertFetchable("https://cdn.example/x.png", {
        resolve: async () => ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
      }),
    ).resolves.toBeInstanceOf(URL);
    // Malformed answers fail closed.
    for (const bad of ["1.2.3", "01.2.3.4", "::ffff:999.1.1.1", "1::2::3", "12345::1", ""])
      expect(isPrivateAddress(bad), bad).toBe(true);
  });
});

describe("connect-time lookup (DNS rebinding)", () => {
  it("refuses a name that answers public for the check and 127.0.0.1 for the connection", async () => {
    const { safeFetch } = await load();
    const target = await serve((_req, res) => res.end("internal secret"));
    let calls = 0;
    const rebinding = async () => (calls++ === 0 ? ["93.184.216.34"] : ["127.0.0.1"]);
    await expect(safeFetch(`http://rebind.example:${target.port}/`, { resolve: rebinding })).rejects.toMatchObject(
      REFUSED,
    );
    expect(calls).toBe(2);
    expect(target.seen.hits).toBe(0);
  });

  it("hands the socket only the addresses it validated", async () => {
    const { guardedLookup } = await load();
    const lookup = guardedLookup(async () => ["93.184.216.34", "2606:2800:220:1::1"]);
    const one = await new Promise((r) =>
      lookup("cdn.example", {}, (err, address, family) => r({ err, address, family })),
    );
    expect(one).toEqual({ err: null, address: "93.184.216.34", family: 4 });
    const all = await new Promise((r) => lookup("cdn.example", { all: true }, (err, address) => r({ err, address })));
    expect(all).toEqual({
      err: null,
      address: [
        { address: "93.184.216.34", family: 4 },
        { address: "2606:2800:220:1::1", family: 6 },
      ],
    });
    const bad = guardedLookup(async () => ["93.184.216.34", "169.254.169.254"]);
    const refused = await new Promise((r) => bad("cdn.example", { all: true }, (err) => r(err)));
    expect(refused).toMatchObject(REFUSED);
  });
});

describe("real requests to a loopback server", () => {
  it("refuses it unless its exact origin is allowed, and then fetches it as a WHATWG Response", async () => {
    const { safeFetch } = await load();
    const target = await serve((req, res) => {
      if (req.headers.range) {
        res.writeHead(206, { "Content-Type": "text/plain", "Content-Range": "bytes 0-3/11" });
        return res.end("hell");
      }
      res.writeHead(200, { "Content-Type": "text/plain", "X-Accept-Encoding": String(req.headers["accept-encoding"]) });
      res.end(req.method === "HEAD" ? undefined : "hello world");
    });
    const other = await serve((_req, res) => res.end("other"));
    await expect(safeFetch(`${target.origin}/file`)).rejects.toMatchObject(REFUSED);
    // Same host, other port; and the same address under another name: neither is the allowed origin.
    await expect(safeFetch(`${target.origin}/file`, { allowOrigins: [other.origin] })).rejects.toMatchObject(REFUSED);
    await expect(
      safeFetch(`http://localhost:${target.port}/file`, { allowOrigins: [target.origin] }),
    ).rejects.toMatchObject(REFUSED);
    expect(target.seen.hits).toBe(0);

    const res = await safeFetch(`${target.origin}/file`, { allowOrigins: [`${target.origin}/`] });
    expect(res).toBeInstanceOf(Response);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain");
    expect(res.headers.get("x-accept-encoding")).toBe("identity");
    expect(await res.text()).toBe("hello world");

    const head = await safeFetch(`${target.origin}/file`, { allowOrigins: [target.origin], method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();

    const part = await safeFetch(`${target.origin}/file`, {
      allowOrigins: [target.origin],
      headers: { Range: "bytes=0-3" },
    });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe("hell");
  });

  it("re-checks every redirect: allowed → allowed is followed, allowed → elsewhere is refused", async () => {
    const { safeFetch } = await load();
    const internal = await serve((_req, res) => res.end("internal"));
    const start = await serve((req, res) => {
      const to: Record<string, string> = {
        "/same": "/final",
        "/internal": `${internal.origin}/`,
        "/metadata": "http://169.254.169.254/latest/meta-data",
        "/mapped": "http://[::ffff:a9fe:a9fe]/",
        "/loop": "/loop",
      };
      if (to[req.url!]) {
        res.writeHead(302, { Location: to[req.url!] });
        return res.end();
      }
      res.end(`final ${req.headers.range ?? ""}`);
    });
    const allow = { allowOrigins: [start.origin] };
    const followed = await safeFetch(`${start.origin}/same`, { ...allow, headers: { Range: "bytes=0-" } });
    expect(await followed.text()).toBe("final bytes=0-");
    for (const path of ["/internal", "/metadata", "/mapped"]) {
      const err = await safeFetch(`${start.origin}${path}`, allow).catch((e: unknown) => e);
      expect(err, path).toMatchObject(REFUSED);
      expect(JSON.stringify(err)).not.toMatch(/169\.254|a9fe|127\.0\.0\.1/);
    }
    expect(internal.seen.hits).toBe(0);
    await expect(safeFetch(`${start.origin}/loop`, allow)).rejects.toMatchObject({
      message: expect.stringContaining("too many"),
    });
  });

  it("gives up on a server that does not answer in time", async () => {
    const { safeFetch } = await load();
    const silent = await serve(() => undefined);
    await expect(
      safeFetch(`${silent.origin}/`, { allowOrigins: [silent.origin], timeoutMs: 300 }),
    ).rejects.toMatchObject({ message: expect.stringContaining("in time") });
  });
});
