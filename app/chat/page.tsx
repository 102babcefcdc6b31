import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { ChatIcon } from "@/components/ui/icons";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("shell.pages.chat");
  return { title: t("title") };
}

export default function ChatPage() {
  return <ComingSoon page="chat" icon={<ChatIcon />} />;
}
