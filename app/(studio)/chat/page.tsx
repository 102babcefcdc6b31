import type { Metadata } from "next";
import { ChatStudio, type ChatModelInfo } from "@/components/chat/chat-studio";
import { getModeSpec } from "@/lib/catalog";
import { chatModels } from "@/lib/catalog/chat-models";
import { DEEPSEEK_LIMITS } from "@/lib/catalog/limits";
import { modeFormSpec } from "@/lib/catalog/form-spec";
import { getConversation } from "@/lib/chat/conversations";
import type { ConversationView } from "@/lib/chat/types";
import { requirePageCaller } from "@/lib/auth/page";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("chat");
  return { title: t("title") };
}

/** DeepSeek first: it reads images and videos, and documents continuation. */
const ORDER = ["T0106004", "T0310001"];

/** ?c=<conversation id> opens a conversation; ?attach=<asset id> (repeatable) starts the question with those files. */
export default async function ChatPage({
  searchParams,
}: {
  searchParams: Promise<{ c?: string; attach?: string | string[] }>;
}) {
  const caller = await requirePageCaller();
  const { c, attach } = await searchParams;
  const attachIds = (Array.isArray(attach) ? attach : attach ? [attach] : [])
    .flatMap((a) => a.split(","))
    .filter(Boolean)
    .slice(0, 10);
  const initial: ConversationView | undefined = c ? await getConversation(caller, c).catch(() => undefined) : undefined;
  const models: ChatModelInfo[] = [...chatModels]
    .sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id))
    .map((m) => {
      const spec = getModeSpec(m.id, "chat")!;
      return {
        id: m.id,
        name: m.name,
        roles: spec.inputs,
        prompt: spec.prompt,
        params: modeFormSpec(m.id, "chat")!.params,
      };
    });
  return (
    <ChatStudio
      models={models}
      initial={initial}
      requestedId={c}
      fpsDefault={DEEPSEEK_LIMITS.fpsDefault}
      attach={attachIds}
    />
  );
}
