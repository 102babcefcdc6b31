"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { AssetPicker, type StudioAsset } from "@/components/inputs";
import { Badge, Button, Field, Input, Segmented, Spinner, type BadgeTone } from "@/components/ui";
import { api, ApiError } from "@/lib/client/api";
import type { SeedanceAssetView } from "@/lib/seedance/library";
import { tKey } from "@/lib/i18n/dynamic-key";

type Library = { group: { groupId: string; demo: boolean } | null; setup?: string; items: SeedanceAssetView[] };
type AssetType = "Image" | "Video" | "Audio";
const TONE: Record<string, BadgeTone> = { Processing: "accent", Active: "success", Failed: "danger" };
const KIND: Record<AssetType, "image" | "video" | "audio"> = { Image: "image", Video: "video", Audio: "audio" };

/**
 * The Seedance asset library: register a file (a public URL, or anything in the studio) into the configured
 * group, watch it go Processing → Active (or Failed, with the reason), and use it as `asset://…`. The studio
 * asks TD about the status; this panel only reads the studio's rows.
 */
export function SeedanceLibrary({
  onUse,
  usableTypes,
}: {
  onUse: (item: SeedanceAssetView) => void;
  usableTypes: AssetType[];
}) {
  const t = useTranslations("video");
  const qc = useQueryClient();
  const [source, setSource] = useState<"url" | "studio">("studio");
  const [type, setType] = useState<AssetType>(usableTypes[0] ?? "Image");
  const [url, setUrl] = useState("");
  const [name, setName] = useState("");
  const [picking, setPicking] = useState(false);

  const q = useQuery({
    queryKey: ["seedance-assets"],
    queryFn: () => api<Library>("/api/v1/seedance/assets"),
    refetchInterval: (query) => (query.state.data?.items.some((i) => i.status === "Processing") ? 1500 : false),
  });
  const register = useMutation({
    mutationFn: (body: Record<string, string>) =>
      api<SeedanceAssetView>("/api/v1/seedance/assets", { method: "POST", json: body }),
    onSuccess: () => {
      setUrl("");
      setName("");
      return qc.invalidateQueries({ queryKey: ["seedance-assets"] });
    },
  });
  const err = register.error as ApiError | null;
  const addUrl = () => {
    if (url.trim())
      register.mutate({ url: url.trim(), assetType: type, ...(name.trim() ? { name: name.trim() } : {}) });
  };
  const lib = q.data;

  if (q.isLoading) return <Spinner label={t("library.loading")} />;
  if (lib && !lib.group) {
    return (
      <div
        className="rounded-lg border border-warning/30 bg-warning/5 p-3 text-xs leading-5"
        data-testid="library-setup"
      >
        <p className="font-medium text-fg">{t("library.notConfigured")}</p>
        <p className="mt-1 text-muted">{t("library.setup")}</p>
        <code className="mt-2 block rounded bg-surface-2 px-2 py-1 text-[11px] text-fg">
          SEEDANCE_ASSET_GROUP_ID=group-…
        </code>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3" data-testid="seedance-library">
      <p className="text-xs leading-5 text-muted">
        {t("library.intro")}{" "}
        {lib?.group && (
          <span className="text-fg">
            {t(lib.group.demo ? "library.groupDemo" : "library.group", { id: lib.group.groupId })}
          </span>
        )}
      </p>
      {/* A group, not a <form>: the panel sits inside the studio's form. */}
      <div
        className="flex flex-col gap-2 rounded-lg border border-border p-3"
        role="group"
        aria-label={t("library.register")}
      >
        <div className="flex flex-wrap gap-2">
          <Segmented
            legend={t("library.type")}
            value={type}
            onChange={setType}
            options={(["Image", "Video", "Audio"] as const).map((v) => ({
              value: v,
              label: tKey(t, `library.typeTabs.${v}`),
            }))}
          />
          <Segmented
            legend={t("library.source")}
            value={source}
            onChange={setSource}
            options={[
              { value: "studio", label: t("library.fromStudio") },
              { value: "url", label: t("library.fromUrl") },
            ]}
          />
        </div>
        <Field label={t("library.name")} hint={t("library.nameHint")}>
          <Input value={name} maxLength={64} onChange={(e) => setName(e.target.value)} className="h-8 text-xs" />
        </Field>
        {source === "url" ? (
          <div className="flex gap-2">
            <Input
              type="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  addUrl();
                }
              }}
              placeholder="https://…"
              aria-label={t("library.url")}
              className="h-8 min-w-0 flex-1 text-xs"
            />
            <Button size="sm" variant="secondary" disabled={!url.trim()} loading={register.isPending} onClick={addUrl}>
              {t("library.add")}
            </Button>
          </div>
        ) : (
          <Button
            size="sm"
            variant="secondary"
            className="self-start"
            onClick={() => setPicking(true)}
            loading={register.isPending}
          >
            {t("library.pick", { type: tKey(t, `library.types.${type}`) })}
          </Button>
        )}
        {err && (
          <p className="text-xs font-medium text-danger" role="alert">
            {err.message}
          </p>
        )}
      </div>
      <AssetPicker
        open={picking}
        kind={KIND[type]}
        title={t("library.pick", { type: tKey(t, `library.types.${type}`) })}
        onClose={() => setPicking(false)}
        onPick={(a: StudioAsset) => {
          setPicking(false);
          register.mutate({ assetId: a.id, ...(name.trim() ? { name: name.trim() } : {}) });
        }}
      />
      {lib && lib.items.length === 0 ? (
        <p className="text-xs text-muted">{t("library.empty")}</p>
      ) : (
        <ul className="flex flex-col gap-1.5" aria-label={t("library.title")}>
          {lib?.items.map((a) => (
            <li
              key={a.id}
              className="flex items-start gap-2 rounded-lg border border-border p-2 text-xs"
              data-testid="library-item"
              data-status={a.status}
            >
              <div className="min-w-0 flex-1">
                <p className="flex items-center gap-2">
                  <span className="truncate font-medium text-fg">{a.name}</span>
                  <Badge
                    tone={TONE[a.status] ?? "neutral"}
                    dot={a.status === "Processing"}
                    className="h-5 px-2 text-[11px]"
                  >
                    {tKey(t, `library.status.${a.status}`)}
                  </Badge>
                </p>
                <p className="truncate text-muted">
                  {tKey(t, `library.typeTabs.${a.assetType}`)}
                  {a.assetUri ? (
                    <>
                      {" "}
                      · <code className="text-[11px]">{a.assetUri}</code>
                    </>
                  ) : null}
                </p>
                {a.error && <p className="text-danger">{a.error}</p>}
              </div>
              {a.status === "Active" && (
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={!usableTypes.includes(a.assetType as AssetType)}
                  title={usableTypes.includes(a.assetType as AssetType) ? undefined : t("library.notHere")}
                  onClick={() => onUse(a)}
                >
                  {t("library.use")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
