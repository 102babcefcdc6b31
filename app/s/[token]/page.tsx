import type { Metadata } from "next";
import { cookies } from "next/headers";
import { ShareContent, ShareGone, ShareUnlock } from "@/components/gallery/share-view";
import { teamsOf } from "@/lib/auth/accounts";
import { pageCaller } from "@/lib/auth/page";
import { modelInfos } from "@/lib/generations/page-data";
import { sharedItems } from "@/lib/gallery/share-content";
import { countView, isUnlocked, openShare, unlockCookieName } from "@/lib/gallery/shares";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  // A shared link is for the people it was sent to, not for search engines.
  return { title: (await getT("gallery"))("sharePage.heading"), robots: { index: false, follow: false } };
}

/**
 * /s/{token} — a public, read-only share link, outside the studio's layout: no navigation, only what was shared (the
 * asset, or the board's items), with its prompt and settings when the link says so. A signed-in member of the team
 * that shared an asset also gets its comments and review; anyone else sees none of them.
 */
export default async function SharePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ after?: string }>;
}) {
  const { token } = await params;
  const { after } = await searchParams;
  const share = await openShare(token).catch(() => null);
  if (!share) return <ShareGone />;
  const jar = await cookies();
  if (!isUnlocked(share, jar.get(unlockCookieName(share))?.value)) return <ShareUnlock token={token} />;
  const page = await sharedItems(share, token, after).catch(() => null);
  if (!page) return <ShareGone />;
  if (!after) await countView(share);
  // Comments are for the team that shared it: a signed-in member (current team = the share's) sees and writes them.
  const c = await pageCaller();
  const member = c && c !== "no-team" && c.teamId === share.teamId ? c : null;
  const reviewer = member
    ? {
        user: member.user,
        team: member.team,
        role: member.role,
        permissions: member.permissions,
        teams: await teamsOf(member.userId),
      }
    : undefined;
  const infos = modelInfos();
  const models = Object.fromEntries(Object.entries(infos).map(([id, m]) => [id, m.name]));
  return (
    <ShareContent
      kind={share.assetId ? "asset" : "board"}
      boardName={share.board?.name}
      items={page.items}
      nextHref={page.nextCursor ? `/s/${token}?after=${encodeURIComponent(page.nextCursor)}` : undefined}
      models={models}
      reviewer={reviewer}
    />
  );
}
