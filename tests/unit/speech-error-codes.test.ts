import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import { upstreamKey } from "@/components/generations/upstream-text";
import { compileMessages } from "@/lib/i18n/messages";
import enSource from "@/messages/en/upstream.json";
import zhSource from "@/messages/zh/upstream.json";

const [en, zh] = [compileMessages(enSource), compileMessages(zhSource)];

// The VOD (GPT Image-2) and TTS (MiniMax) error codes, as the docs' 错误码 tables list them, each shown to
// the user in plain words in both languages (messages/<locale>/upstream.json, read by the error boxes).

const VOD_IMAGE_DOC = [
  "FailedOperation",
  "FailedOperation.InvalidVodUser",
  "InternalError",
  "InvalidParameterValue",
  "InvalidParameterValue.SubAppId",
  "InvalidParameterValue.TaskId",
  "ResourceNotFound",
  "UnauthorizedOperation",
];
const TTS_DOC = [
  "ActionOffline",
  "AuthFailure.InvalidSecretId",
  "AuthFailure.SecretIdNotFound",
  "FailedOperation",
  "InternalError",
  "InvalidAction",
  "InvalidParameter",
  "InvalidParameterValue",
  "InvalidRequest",
  "IpInBlacklist",
  "IpNotInWhitelist",
  "LimitExceeded",
  "MissingParameter",
  "NoSuchProduct",
  "NoSuchVersion",
  "RequestLimitExceeded",
  "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
  "RequestLimitExceeded.IPLimitExceeded",
  "RequestLimitExceeded.UinLimitExceeded",
  "RequestSizeLimitExceeded",
  "ResourceInUse",
  "ResourceInsufficient",
  "ResourceNotFound",
  "ResourceUnavailable",
  "ResponseSizeLimitExceeded",
  "ServiceUnavailable",
  "UnauthorizedOperation",
  "UnknownParameter",
  "UnsupportedOperation",
  "UnsupportedProtocol",
  "UnsupportedRegion",
];
// Codes the studio itself records for these jobs (lib/td/vod.ts) or the dedupe refusal of a repeated SessionId.
const STUDIO = ["InvalidParameterValue.SessionId", "NoOutput", "UnexpectedResponse"];

const translators = {
  zh: createTranslator({ locale: "zh", messages: zh, namespace: "upstream" }),
  en: createTranslator({ locale: "en", messages: en, namespace: "upstream" }),
};

function plain(locale: "zh" | "en", code: string): string | undefined {
  const t = translators[locale];
  const key = upstreamKey(code, (k) => t.has(`codes.${k}` as never));
  return key ? t(`codes.${key}` as never) : undefined;
}

describe("VOD / TTS error codes → clear messages", () => {
  it.each([...new Set([...VOD_IMAGE_DOC, ...TTS_DOC, ...STUDIO])])("%s has its own message in zh and en", (code) => {
    const exact = code.replace(/\./g, "_");
    for (const locale of ["zh", "en"] as const) {
      expect(
        upstreamKey(code, (k) => translators[locale].has(`codes.${k}` as never)),
        `${locale} ${code}`,
      ).toBe(exact);
      expect(plain(locale, code)!.length).toBeGreaterThan(10);
    }
  });

  it("an undocumented sub-code falls back to its family; an unknown code to TD's own words (undefined here)", () => {
    expect(plain("en", "RequestLimitExceeded.SomethingNew")).toBe(en.upstream.codes.RequestLimitExceeded);
    expect(plain("zh", "AuthFailure.Whatever")).toBe(zh.upstream.codes.AuthFailure);
    expect(plain("en", "InternalError.Algo")).toBe(en.upstream.codes.InternalError);
    expect(plain("en", "TotallyUnknown")).toBeUndefined();
    expect(plain("en", "TotallyUnknown.Sub")).toBeUndefined();
  });

  it("messages say what to do, not just what went wrong", () => {
    expect(plain("en", "RequestLimitExceeded")).toMatch(/wait/i);
    expect(plain("en", "AuthFailure.InvalidSecretId")).toContain("TD_API_KEY");
    expect(plain("en", "ResourceNotFound")).toMatch(/voice/i);
    expect(plain("zh", "RequestSizeLimitExceeded")).toContain("10 MB");
  });
});
