import type { ComponentType, SVGProps } from "react";
import { ChatIcon, GalleryIcon, HistoryIcon, ImageIcon, SpeechIcon, VideoIcon } from "@/components/ui/icons";

export type NavKey = "chat" | "video" | "image" | "speech" | "gallery" | "history";
export type NavItem = { key: NavKey; href: string; icon: ComponentType<SVGProps<SVGSVGElement>> };

/** The studio's sections, grouped as the sidebar shows them; labels live in messages (shell.nav.*). */
export const NAV_GROUPS: ReadonlyArray<{ key: "create" | "library"; items: ReadonlyArray<NavItem> }> = [
  {
    key: "create",
    items: [
      { key: "chat", href: "/chat", icon: ChatIcon },
      { key: "video", href: "/video", icon: VideoIcon },
      { key: "image", href: "/image", icon: ImageIcon },
      { key: "speech", href: "/speech", icon: SpeechIcon },
    ],
  },
  {
    key: "library",
    items: [
      { key: "gallery", href: "/gallery", icon: GalleryIcon },
      { key: "history", href: "/history", icon: HistoryIcon },
    ],
  },
];

export function isActive(pathname: string, href: string) {
  return pathname === href || pathname.startsWith(`${href}/`);
}
