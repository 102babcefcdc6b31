import { issueCode, valueAt } from "../spec/common";
import type { EmuContext } from "../server";
import type { EmuRequest } from "../types";

// Helpers shared by the VOD job and TTS handlers.

type Issue = { code: string; path: PropertyKey[]; message: string; params?: unknown; keys?: string[] };

/**
 * A validation failure as the documented VOD error: the code the schema attached; else MissingParameter
 * for an absent field, InvalidParameter for a wrong type, UnknownParameter for extra names, InvalidParameterValue otherwise.
 */
export function vodInvalid(ctx: EmuContext, r: EmuRequest, issues: Issue[]) {
  const i = issues[0];
  const where = i.path.map(String).join(".") || "body";
  let code = issueCode(i)?.code;
  if (!code) {
    // zod reports a missing enum as invalid_value, a missing string as invalid_type: both are absent fields.
    if ((i.code === "invalid_type" || i.code === "invalid_value") && valueAt(r.body, i.path) === undefined)
      code = "MissingParameter";
    else if (i.code === "invalid_type") code = "InvalidParameter";
    else if (i.code === "unrecognized_keys") code = "UnknownParameter";
    else code = "InvalidParameterValue";
  }
  const message =
    i.code === "unrecognized_keys"
      ? `Unknown parameter ${(i.keys ?? []).join(", ")}${where === "body" ? "" : ` in ${where}`}.`
      : `${where}: ${i.message}`;
  return ctx.error(r, 400, code, message);
}

/** First bytes → image format, for the inputs the emulator can fetch. */
export function sniffImage(b: Buffer): string | undefined {
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47) return "png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.length >= 12 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP") return "webp";
  if (b.length >= 4 && b.toString("latin1", 0, 4) === "GIF8") return "gif";
  if (b.length >= 2 && b.toString("latin1", 0, 2) === "BM") return "bmp";
  return undefined;
}

/**
 * GET a URL with a time limit, reading at most `cap` bytes (one more shows it is too big).
 * undefined when unreachable from here: the emulator usually runs offline, so it cannot tell.
 */
export async function fetchCapped(
  url: string,
  cap: number,
  timeoutMs = 3000,
): Promise<{ status: number; bytes: Buffer; mime: string } | undefined> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    return undefined;
  }
  const mime = res.headers.get("content-type") ?? "";
  if (!res.ok || !res.body) {
    await res.body?.cancel().catch(() => undefined);
    return { status: res.status, bytes: Buffer.alloc(0), mime };
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(Buffer.from(value));
      total += value.length;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
  } catch {
    return undefined;
  }
  return { status: res.status, bytes: Buffer.concat(chunks), mime };
}
