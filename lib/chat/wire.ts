import "server-only";
import { getModeSpec } from "@/lib/catalog";
import { buildChatBody, type StudioChatMessage } from "@/lib/catalog/chat-models";
import { describeIssue, parseParams } from "@/lib/catalog/validate";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import {
  chatBodySchema,
  chatFlavor,
  GPT54_MODEL,
  type ChatBody,
  type DeepSeekChatBody,
  type DeepSeekContentPart,
} from "@/lib/td/chat-schema";
import type { AttachmentResolver } from "./attachments";
import type { AttachmentRef } from "./types";
import { DEEPSEEK_LIMITS } from "@/lib/catalog/limits";

// A stored conversation → the documented wire body. The catalog's builder maps the params (and is what the
// unit tests hold to the docs); the studio adds the per-attachment detail/fps and the system prompt.

export interface HistoryMessage {
  role: "user" | "assistant";
  content: string;
  attachments: AttachmentRef[];
}

/** Catalog params checked strictly: unknown names refused, each limit named. */
export function checkParams(model: string, params: Record<string, unknown>): Record<string, unknown> {
  const spec = getModeSpec(model, "chat");
  if (!spec) throw new AppError("validation_failed", `${model} is not a chat model`, "model");
  const r = parseParams(spec, params);
  if (!r.ok) throw new AppError("validation_failed", r.errors.map((e) => e.message).join("; "), r.errors[0]?.field);
  return r.value as Record<string, unknown>;
}

export async function wireBody(o: {
  model: string;
  params: Record<string, unknown>;
  system: string;
  history: HistoryMessage[];
  resolver: AttachmentResolver;
  stream?: boolean;
}): Promise<{ body: ChatBody; omittedAttachments: number }> {
  const multimodal = o.model !== GPT54_MODEL;
  let omitted = 0;
  const studio: StudioChatMessage[] = [];
  if (o.system.trim()) studio.push({ role: "system", content: o.system.trim() });
  const sources: (HistoryMessage | undefined)[] = studio.map(() => undefined);
  o.history.forEach((m, i) => {
    const last = i === o.history.length - 1;
    // A failed or empty answer carries nothing for the model; the continuation prefix (last) always goes.
    if (m.role === "assistant" && !m.content.trim() && !last) return;
    let content = m.content;
    if (!multimodal && m.attachments.length) {
      omitted += m.attachments.length;
      content += `\n\n[${m.attachments.length} attachment(s) not shown: this model reads text only]`;
    }
    studio.push({ role: m.role, content });
    sources.push(m);
  });

  const body = buildChatBody(o.model, studio, o.params, {
    stream: o.stream ?? true,
    includeUsage: true,
    modelCode: config().TD_GPT54_MODEL_CODE,
  });
  if (multimodal) {
    const detail = o.params.imageDetail as AttachmentRef["detail"];
    const fps = (o.params.videoFps as number | undefined) ?? DEEPSEEK_LIMITS.fpsDefault;
    const msgs = (body as DeepSeekChatBody).messages;
    for (let i = 0; i < msgs.length; i++) {
      const src = sources[i];
      if (!src || src.role !== "user" || !src.attachments.length) continue;
      // Media first, then the question, as in the doc's image and video examples.
      const parts: DeepSeekContentPart[] = [];
      for (const a of src.attachments) {
        const url = await o.resolver.url(a);
        const d = a.detail ?? detail;
        const f = a.fps ?? fps;
        if (a.kind === "image") parts.push({ type: "image_url", image_url: d ? { url, detail: d } : { url } });
        else parts.push({ type: "video_url", video_url: f !== DEEPSEEK_LIMITS.fpsDefault ? { url, fps: f } : { url } });
      }
      if (src.content) parts.push({ type: "text", text: src.content });
      msgs[i] = { role: "user", content: parts };
    }
  }

  // The same schema the emulator enforces: what fails here would be refused upstream.
  const flavor = chatFlavor(body.model, config().TD_GPT54_MODEL_CODE) ?? "deepseek-v3.2";
  const checked = chatBodySchema(flavor).safeParse(body);
  if (!checked.success) {
    const d = describeIssue(checked.error.issues[0]);
    throw new AppError("validation_failed", d.message, d.field);
  }
  return { body, omittedAttachments: omitted };
}
