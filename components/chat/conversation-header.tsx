"use client";

import { useTranslations } from "use-intl";
import type { ConversationView } from "@/lib/chat/types";

/** The page's heading: the conversation's title, or "New chat". */
export function ConversationTitle({ conversation }: { conversation?: ConversationView }) {
  const t = useTranslations("chat");
  return (
    <h1 className="min-w-0 flex-1 truncate text-[15px] font-semibold text-fg" data-testid="conversation-title">
      {conversation ? conversation.title || t("list.untitled") : t("list.new")}
    </h1>
  );
}
