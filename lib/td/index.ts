import "server-only";
import { config } from "@/lib/config";
import { ArkClient } from "./ark";
import { ChatClient } from "./chat";
import { DashScopeClient } from "./dashscope";
import { VodClient } from "./vod";
import { keepAliveFetch } from "./dispatcher";
import { TdHttp } from "./http";
import { notifyTdCall } from "./observe";

export { TdError } from "./errors";

let cached: ReturnType<typeof build> | undefined;

function build() {
  const c = config();
  const http = new TdHttp({
    baseUrl: c.TD_BASE_URL,
    apiKey: c.TD_API_KEY,
    timeoutMs: c.TD_TIMEOUT_MS,
    observe: notifyTdCall,
    ...(c.TD_KEEP_ALIVE ? { fetch: keepAliveFetch() } : {}),
  });
  return {
    http,
    dashscope: new DashScopeClient(http),
    ark: new ArkClient(http),
    vod: new VodClient(http),
    chat: new ChatClient(http),
  };
}

/** The TD clients for this process, configured once from the environment. */
export function td() {
  cached ??= build();
  return cached;
}
