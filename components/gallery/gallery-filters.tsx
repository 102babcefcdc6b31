"use client";

import { SearchIcon } from "lucide-react";
import { tKey } from "@/lib/i18n/dynamic-key";
import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { Button, Input, Select, Switch } from "@/components/ui";
import type { BoardView, Filters, GalleryMember, GalleryModel } from "./types";

// The review states as GET /api/v1/gallery?review= takes them (lib/gallery/schema.ts), in the order of the workflow.
const REVIEW_STATES = ["none", "in_review", "approved", "changes_requested", "rejected"] as const;

export interface GalleryFiltersProps {
  filters: Filters;
  setFilters: (patch: Filters, opts?: { replace?: boolean }) => void;
  clear: () => void;
  models: Record<string, GalleryModel>;
  members: GalleryMember[];
  boards: BoardView[];
}

/** The filter bar: every control writes the URL (push, so Back undoes it); typing in search writes it after a pause. */
export function GalleryFilters({ filters, setFilters, clear, models, members, boards }: GalleryFiltersProps) {
  const t = useTranslations("gallery");
  const th = useTranslations("history");
  const tr = useTranslations("review");
  const locale = useLocale() as "zh" | "en";
  // A board lists in its own order unless another sort is chosen (lib/gallery/schema.ts).
  const defaultSort = filters.board ? "position" : "newest";
  const [q, setQ] = useState(filters.q ?? "");
  // The URL changed under us (Back, a tag link): the box follows it.
  const [urlQ, setUrlQ] = useState(filters.q ?? "");
  if ((filters.q ?? "") !== urlQ) {
    setUrlQ(filters.q ?? "");
    setQ(filters.q ?? "");
  }
  useEffect(() => {
    if ((filters.q ?? "") === q.trim()) return;
    // Refining a search replaces its entry; starting one pushes, so Back returns to the unfiltered gallery
    // whether the pause or Enter came first.
    const h = setTimeout(() => setFilters({ q: q.trim() }, { replace: !!filters.q && !!q.trim() }), 350);
    return () => clearTimeout(h);
  }, [q, filters.q, setFilters]);
  const modes = [...new Set(Object.values(models).flatMap((m) => m.modes))];
  const select = (name: keyof Filters, label: string, options: [string, string][]) => (
    <Select
      aria-label={label}
      value={filters[name] ?? ""}
      onChange={(e) => setFilters({ [name]: e.target.value })}
      className="min-w-0"
    >
      <option value="">
        {label}: {t("filters.all")}
      </option>
      {options.map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </Select>
  );
  const active = Object.keys(filters).length > 0;

  return (
    <form
      role="search"
      aria-label={t("filters.label")}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        // The pause may already have written this search: a second entry would make Back a no-op.
        if ((filters.q ?? "") !== q.trim()) setFilters({ q: q.trim() });
      }}
    >
      <div className="relative">
        <SearchIcon
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted"
        />
        <Input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t("filters.search")}
          aria-label={t("filters.search")}
          className="pl-9"
          data-testid="gallery-search"
        />
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
        {select(
          "kind",
          t("filters.kind"),
          (["video", "image", "audio"] as const).map((k) => [k, t(`kinds.${k}`)]),
        )}
        {select(
          "model",
          t("filters.model"),
          Object.entries(models).map(([id, m]) => [id, m.name[locale]]),
        )}
        {select(
          "mode",
          t("filters.mode"),
          modes.map((m) => [m, tKey(th, `modes.${m}`)]),
        )}
        {select(
          "creator",
          t("filters.creator"),
          members.map((m) => [m.id, m.name]),
        )}
        {select(
          "board",
          t("filters.board"),
          boards.map((b) => [b.id, b.name]),
        )}
        {select(
          "archive",
          t("filters.archive"),
          (["archived", "pending", "failed"] as const).map((a) => [a, t(`filters.archiveStates.${a}`)]),
        )}
        {select(
          "review",
          t("filters.review"),
          REVIEW_STATES.map((r) => [r, tr(`states.${r}`)]),
        )}
        {select(
          "rating_gte",
          t("filters.rating"),
          [5, 4, 3, 2, 1].map((n) => [String(n), t("filters.ratingAtLeast", { n })]),
        )}
        <Select
          aria-label={t("filters.sort")}
          value={filters.sort ?? defaultSort}
          onChange={(e) => setFilters({ sort: e.target.value === defaultSort ? "" : e.target.value })}
          className="col-span-2 sm:col-span-1"
        >
          {filters.board && <option value="position">{t("filters.byPosition")}</option>}
          <option value="newest">{t("filters.newest")}</option>
          <option value="oldest">{t("filters.oldest")}</option>
          <option value="rating">{t("filters.byRating")}</option>
          <option value="review">{t("filters.byReview")}</option>
        </Select>
      </div>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
        <label className="flex items-center gap-2 whitespace-nowrap text-muted">
          {t("filters.from")}
          <Input
            type="date"
            value={filters.from ?? ""}
            onChange={(e) => setFilters({ from: e.target.value })}
            className="h-8 w-auto"
          />
        </label>
        <label className="flex items-center gap-2 whitespace-nowrap text-muted">
          {t("filters.to")}
          <Input
            type="date"
            value={filters.to ?? ""}
            onChange={(e) => setFilters({ to: e.target.value })}
            className="h-8 w-auto"
          />
        </label>
        {filters.tag && (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => setFilters({ tag: "" })}
            aria-label={`${t("filters.tag")}: ${filters.tag} ×`}
          >
            #{filters.tag} ×
          </Button>
        )}
        <Switch
          label={t("filters.favorites")}
          checked={filters.favorite === "true"}
          onCheckedChange={(v) => setFilters({ favorite: v ? "true" : "" })}
        />
        <Switch
          label={t("filters.uploads")}
          checked={filters.origin === "all"}
          onCheckedChange={(v) => setFilters({ origin: v ? "all" : "" })}
        />
        <Switch
          label={t("filters.versions")}
          checked={filters.versions === "all"}
          onCheckedChange={(v) => setFilters({ versions: v ? "all" : "" })}
        />
        <Switch
          label={t("filters.trash")}
          checked={filters.trashed === "true"}
          onCheckedChange={(v) => setFilters({ trashed: v ? "true" : "" })}
        />
        <Button size="sm" variant="ghost" onClick={clear} disabled={!active} className="ml-auto">
          {t("filters.clear")}
        </Button>
      </div>
    </form>
  );
}
