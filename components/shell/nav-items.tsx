import {
  AudioLinesIcon,
  ClipboardCheckIcon,
  FlaskConicalIcon,
  HistoryIcon,
  ImageIcon,
  LayoutGridIcon,
  LibraryBigIcon,
  MessageCircleMoreIcon,
  VideoIcon,
} from "lucide-react";
import type { ComponentType, SVGProps } from "react";

export type NavKey =
  "chat" | "video" | "image" | "speech" | "experiments" | "gallery" | "history" | "reviews" | "prompts";
export type NavItem = { key: NavKey; href: string; icon: ComponentType<SVGProps<SVGSVGElement>> };

/** The studio's sections, grouped as the sidebar shows them; labels live in messages (shell.nav.*). */
export const NAV_GROUPS: ReadonlyArray<{ key: "create" | "library"; items: ReadonlyArray<NavItem> }> = [
  {
    key: "create",
    items: [
      { key: "chat", href: "/chat", icon: MessageCircleMoreIcon },
      { key: "video", href: "/video", icon: VideoIcon },
      { key: "image", href: "/image", icon: ImageIcon },
      { key: "speech", href: "/speech", icon: AudioLinesIcon },
      { key: "experiments", href: "/experiments", icon: FlaskConicalIcon },
    ],
  },
  {
    key: "library",
    items: [
      { key: "gallery", href: "/gallery", icon: LayoutGridIcon },
      { key: "history", href: "/history", icon: HistoryIcon },
      { key: "reviews", href: "/reviews", icon: ClipboardCheckIcon },
      { key: "prompts", href: "/prompts", icon: LibraryBigIcon },
    ],
  },
];
