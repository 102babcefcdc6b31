"use client";

import { ArrowLeftIcon, MessageSquareIcon } from "lucide-react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { Fragment, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "use-intl";
import { hasKey, tKey } from "@/lib/i18n/dynamic-key";
import { LogoMark } from "@/components/shell/brand";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { Button, buttonClasses, Input } from "@/components/ui";
import { api } from "@/lib/client/api";
import { useErrorText } from "@/lib/client/error-text";
import type { CallerInfo } from "@/components/auth/caller-context";
import { ShareReview } from "@/components/review/share-review";
import type { SharedItem } from "@/lib/gallery/share-content";

/** The public share page's frame: the studio's mark, no navigation into the studio, the language switch. */
export function ShareFrame({ children }: { children: ReactNode }) {
  const t = useTranslations("gallery.sharePage");
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-5xl flex-col gap-6 px-4 py-6 sm:px-6">
      <header className="flex items-center justify-between gap-3">
        <div className="flex min-w-0 items-center gap-2.5">
          <LogoMark className="size-8 shrink-0" />
          <span className="text-sm font-medium text-muted">{t("heading")}</span>
        </div>
        <LanguageSwitch className="w-32 shrink-0 sm:w-40" />
      </header>
      {children}
    </main>
  );
}

export function ShareGone() {
  const t = useTranslations("gallery.sharePage");
  return (
    <ShareFrame>
      <section className="mx-auto mt-16 max-w-md rounded-2xl border border-border bg-surface p-6 text-center">
        <h1 className="text-lg font-semibold text-fg">{t("gone")}</h1>
        <p className="mt-2 text-sm leading-6 text-muted">{t("goneHint")}</p>
      </section>
    </ShareFrame>
  );
}

export function ShareUnlock({ token }: { token: string }) {
  const t = useTranslations("gallery.sharePage");
  const errorText = useErrorText();
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <ShareFrame>
      <section className="mx-auto mt-16 w-full max-w-sm rounded-2xl border border-border bg-surface p-6">
        <h1 className="text-lg font-semibold text-fg">{t("locked")}</h1>
        <p className="mt-1.5 text-sm text-muted">{t("lockedHint")}</p>
        <form
          className="mt-5 flex flex-col gap-3"
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setError(null);
            try {
              await api(`/api/v1/s/${token}/unlock`, { method: "POST", json: { password } });
              router.refresh();
            } catch (err) {
              setError(errorText(err));
              setBusy(false);
            }
          }}
        >
          <label htmlFor="share-password" className="text-xs font-medium text-muted">
            {t("password")}
          </label>
          <Input
            id="share-password"
            type="password"
            autoComplete="off"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={!!error}
            required
          />
          {error && (
            <p role="alert" className="text-sm text-danger">
              {error}
            </p>
          )}
          <Button type="submit" loading={busy} disabled={!password}>
            {t("unlock")}
          </Button>
        </form>
      </section>
    </ShareFrame>
  );
}

function Media({ item, large }: { item: SharedItem; large: boolean }) {
  const t = useTranslations("gallery.sharePage");
  if (!item.fileUrl)
    return (
      <div className="flex aspect-video w-full items-center justify-center rounded-xl bg-surface-2 text-sm text-muted">
        {t("notSaved")}
      </div>
    );
  // A board's cells are square: images show their thumbnail cropped, a video shows whole (its frame and controls).
  const box = large
    ? "max-h-[75vh] w-full rounded-xl bg-black object-contain"
    : `aspect-square w-full rounded-xl bg-black ${item.kind === "video" ? "object-contain" : "object-cover"}`;
  if (item.kind === "video")
    return (
      <video
        src={item.fileUrl}
        poster={item.thumbnailUrl}
        controls
        playsInline
        preload={large ? "metadata" : "none"}
        controlsList={item.downloadUrl ? undefined : "nodownload"}
        className={box}
        data-testid="share-video"
      />
    );
  if (item.kind === "audio")
    return <audio src={item.fileUrl} controls preload="metadata" className="w-full" data-testid="share-audio" />;
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={large ? item.fileUrl : item.thumbnailUrl}
      alt={item.title ?? ""}
      className={box}
      data-testid="share-image"
    />
  );
}

function Facts({ item, models }: { item: SharedItem; models: Record<string, { zh: string; en: string }> }) {
  const t = useTranslations("gallery.sharePage");
  const th = useTranslations("history");
  const locale = useLocale() as "zh" | "en";
  const params = Object.entries(item.params ?? {}).filter(([, v]) => v !== null && typeof v !== "object");
  // The settings in the words of the studio's own forms (`<video|image>.params.*`), else the field's name.
  const tp = useTranslations(item.kind === "image" ? "image" : "video");
  const label = (k: string) => (hasKey(tp, `params.${k}`) ? tKey(tp, `params.${k}`) : k);
  // Values as the forms word them: on/off, a choice's label (video `params.options.*`, image `person.*` and
  // `quality.*.name`), seconds with their unit; anything else as it is.
  const value = (k: string, v: unknown) => {
    if (typeof v === "boolean") return tKey(tp, v ? "params.on" : "params.off", undefined, String(v));
    if (k === "duration" && typeof v === "number") return tKey(tp, "params.durationValue", { seconds: v }, String(v));
    const choice = [`params.options.${k}.${String(v)}`, `quality.${String(v)}.name`, `person.${String(v)}`];
    const found = choice.find(
      (c, i) => (i === 0 || (i === 1 ? k === "quality" : k === "personGeneration")) && hasKey(tp, c),
    );
    return found ? tKey(tp, found) : String(v);
  };
  return (
    <div className="flex flex-col gap-3">
      {item.title && <h2 className="text-base font-semibold text-fg">{item.title}</h2>}
      {item.prompt && (
        <section>
          <h3 className="text-xs font-medium text-muted">{t("prompt")}</h3>
          <p className="mt-1 text-sm whitespace-pre-wrap text-fg" data-testid="share-prompt">
            {item.prompt}
          </p>
        </section>
      )}
      {(item.model || params.length > 0) && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="share-settings">
          {item.model && (
            <>
              <dt className="text-muted">{t("model")}</dt>
              <dd className="text-fg">{models[item.model]?.[locale] ?? item.model}</dd>
            </>
          )}
          {item.mode && (
            <>
              <dt className="text-muted">{t("mode")}</dt>
              <dd className="text-fg">{tKey(th, `modes.${item.mode}`)}</dd>
            </>
          )}
          {params.map(([k, v]) => (
            <Fragment key={k}>
              <dt className="text-muted">{label(k)}</dt>
              <dd className="break-all text-fg">{value(k, v)}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {item.downloadUrl && (
        <a href={item.downloadUrl} className={buttonClasses({ variant: "secondary" }) + " self-start"} download>
          {t("download")}
        </a>
      )}
    </div>
  );
}

export interface ShareContentProps {
  kind: "asset" | "board";
  boardName?: string;
  items: SharedItem[];
  nextHref?: string;
  models: Record<string, { zh: string; en: string }>;
  /** A signed-in member of the team that shared it: they see and write comments (nobody else does). */
  reviewer?: CallerInfo;
}

export function ShareContent({ kind, boardName, items, nextHref, models, reviewer }: ShareContentProps) {
  const t = useTranslations("gallery.sharePage");
  const sp = useSearchParams();
  // A board's item opened for review (`?item=`, so Back returns to the board); only a team member gets it.
  const withItem = (id: string | null) => {
    const next = new URLSearchParams(sp.toString());
    if (id) next.set("item", id);
    else next.delete("item");
    return `?${next}`;
  };
  const opened = reviewer && kind === "board" ? items.find((i) => i.assetId === sp.get("item")) : undefined;
  if (opened && reviewer)
    return (
      <ShareFrame>
        <Link href={withItem(null)} className={buttonClasses({ variant: "ghost", size: "sm" }) + " self-start"}>
          <ArrowLeftIcon aria-hidden="true" />
          {t("backToBoard", { name: boardName ?? "" })}
        </Link>
        <ShareReview item={opened} caller={reviewer} facts={<Facts item={opened} models={models} />} />
      </ShareFrame>
    );
  if (kind === "asset" && items[0] && reviewer)
    return (
      <ShareFrame>
        <ShareReview item={items[0]} caller={reviewer} facts={<Facts item={items[0]} models={models} />} />
      </ShareFrame>
    );
  if (kind === "asset" && items[0])
    return (
      <ShareFrame>
        <div className="grid gap-6 lg:grid-cols-[1fr_20rem]" data-testid="share-asset">
          <Media item={items[0]} large />
          <Facts item={items[0]} models={models} />
        </div>
      </ShareFrame>
    );
  return (
    <ShareFrame>
      <h1 className="text-xl font-semibold tracking-tight text-fg">{t("boardHeading", { name: boardName ?? "" })}</h1>
      {items.length === 0 ? (
        <p className="text-sm text-muted">{t("empty")}</p>
      ) : (
        <ul className="grid grid-cols-1 gap-5 sm:grid-cols-2 lg:grid-cols-3" data-testid="share-board">
          {items.map((i) => (
            <li key={i.assetId} className="flex flex-col gap-2">
              <Media item={i} large={false} />
              <Facts item={i} models={models} />
              {reviewer && (
                <Link
                  href={withItem(i.assetId)}
                  className={buttonClasses({ variant: "secondary", size: "sm" }) + " self-start"}
                  data-testid="share-board-review"
                >
                  <MessageSquareIcon aria-hidden="true" />
                  {t("review")}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {nextHref && (
        <Link href={nextHref} className={buttonClasses({ variant: "secondary" }) + " self-center"}>
          {t("more")}
        </Link>
      )}
    </ShareFrame>
  );
}
