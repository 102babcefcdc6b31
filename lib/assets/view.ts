import type { Asset } from "@/lib/db";

// The one shape of an asset the pages and the REST API show (uploads and outputs alike).

export interface AssetView {
  id: string;
  kind: string;
  mime: string | null;
  size: number | null;
  sha256: string | null;
  width?: number;
  height?: number;
  durationSeconds?: number;
  role?: string;
  origin: string;
  archiveState: string;
  archiveError?: string;
  upstreamExpiresAt?: string;
  fileUrl?: string;
  posterUrl?: string;
  createdAt: string;
}

export function assetView(a: Asset): AssetView {
  const archived = a.archiveState === "archived" || a.origin === "upload";
  return {
    id: a.id,
    kind: a.kind,
    mime: a.mime,
    size: a.size,
    sha256: a.sha256,
    ...(a.width ? { width: a.width } : {}),
    ...(a.height ? { height: a.height } : {}),
    ...(a.durationSeconds ? { durationSeconds: a.durationSeconds } : {}),
    ...(a.role ? { role: a.role } : {}),
    origin: a.origin,
    archiveState: a.archiveState,
    ...(a.archiveError ? { archiveError: a.archiveError } : {}),
    ...(a.upstreamExpiresAt ? { upstreamExpiresAt: a.upstreamExpiresAt.toISOString() } : {}),
    ...(archived ? { fileUrl: `/api/v1/assets/${a.id}/file` } : {}),
    ...(archived && a.posterKey ? { posterUrl: `/api/v1/assets/${a.id}/poster` } : {}),
    createdAt: a.createdAt.toISOString(),
  };
}
