// Decides on the parsed address, never on its spelling: "::ffff:7f00:1", "::ffff:127.0.0.1" and
// "0:0:0:0:0:ffff:7f00:0001" are one address, and so is every other way of writing it.

/** A dotted-quad IPv4 address as an unsigned 32-bit number, or null (leading zeros are refused: ambiguous). */
export function parseIPv4(text: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  let value = 0;
  for (const part of m.slice(1)) {
    if ((part.length > 1 && part.startsWith("0")) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

/** The eight 16-bit words of an IPv6 address in any textual form (compressed, dotted IPv4 tail, zone id), or null. */
export function parseIPv6(text: string): number[] | null {
  let s = text.toLowerCase().replace(/^\[|\]$/g, "");
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  const lastColon = s.lastIndexOf(":");
  if (lastColon < 0) return null;
  const tail = s.slice(lastColon + 1);
  if (tail.includes(".")) {
    const v4 = parseIPv4(tail);
    if (v4 === null) return null;
    s = `${s.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const words = (part: string) =>
    part === "" ? [] : part.split(":").map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  const head = words(halves[0]);
  const rest = halves.length === 2 ? words(halves[1]) : [];
  if ([...head, ...rest].some(Number.isNaN)) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  if (head.length + rest.length > 7) return null;
  return [...head, ...Array<number>(8 - head.length - rest.length).fill(0), ...rest];
}

// Special-purpose IPv4 blocks (IANA registry) that no user URL or TD output may reach.
const V4_BLOCKED: [string, number][] = [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // TEST-NET-1
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // TEST-NET-2
  ["203.0.113.0", 24], // TEST-NET-3
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and 255.255.255.255 broadcast
];
const V4_RANGES = V4_BLOCKED.map(([base, bits]) => ({
  base: parseIPv4(base)!,
  mask: bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0,
}));

function isPublicV4(ip: number): boolean {
  return !V4_RANGES.some((r) => (ip & r.mask) >>> 0 === r.base);
}

/** The IPv4 address an IPv6 form stands for (mapped, SIIT-translated, NAT64, 6to4), or undefined. */
function embeddedIPv4(w: number[]): number | undefined {
  const low = w[6] * 0x10000 + w[7];
  const zeros = (from: number, to: number) => w.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && w[5] === 0xffff) return low; // ::ffff:a.b.c.d
  if (zeros(0, 4) && w[4] === 0xffff && w[5] === 0) return low; // ::ffff:0:a.b.c.d
  if (w[0] === 0x64 && w[1] === 0xff9b && zeros(2, 6)) return low; // 64:ff9b::a.b.c.d
  if (w[0] === 0x2002) return w[1] * 0x10000 + w[2]; // 2002:aabb:ccdd::/48
  return undefined;
}

/**
 * True only for a globally routable unicast address. Anything that does not parse is not public (fail closed).
 * IPv6 outside 2000::/3 is refused whole: ::/8 (unspecified, loopback, IPv4-compatible), 64:ff9b:1::/48, 100::/64,
 * fc00::/7, fe80::/10, fec0::/10, ff00::/8.
 */
export function isPublicAddress(ip: string): boolean {
  const v4 = parseIPv4(ip);
  if (v4 !== null) return isPublicV4(v4);
  const w = parseIPv6(ip);
  if (!w) return false;
  const embedded = embeddedIPv4(w);
  if (embedded !== undefined) return isPublicV4(embedded);
  if ((w[0] & 0xe000) !== 0x2000) return false;
  // 2001::/23 holds Teredo (2001::/32, whose client part can name any IPv4), benchmarking and ORCHID: no web servers.
  if (w[0] === 0x2001 && w[1] < 0x200) return false;
  if (w[0] === 0x2001 && w[1] === 0x0db8) return false; // documentation
  if (w[0] === 0x3fff && w[1] < 0x1000) return false; // 3fff::/20 documentation
  return true;
}

export function isPrivateAddress(ip: string): boolean {
  return !isPublicAddress(ip);
}
