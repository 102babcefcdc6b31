"use client";

import { XIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useCaller } from "@/components/auth/caller-context";
import { Button, ModalSheet, buttonClasses, Input, Textarea } from "@/components/ui";
import { cn } from "@/components/ui/cn";
import { useErrorText } from "@/lib/client/error-text";
import { useMembers } from "./use-review";
import { useCreateReviewRequest } from "./use-review-requests";

export type ReviewTarget = { assetIds: string[] } | { boardId: string; name: string; count: number };

/** The end of a chosen day in the reader's own time zone (a due date means "by the end of that day"). */
function endOfDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(y, m - 1, d, 23, 59, 59).toISOString();
}

/** Ask people (or the whole team) to review a gallery selection or a board, by an optional date, with a note. */
export function RequestReviewDialog({ target, onClose }: { target: ReviewTarget; onClose: () => void }) {
  const t = useTranslations("review.requests.request");
  const tc = useTranslations("gallery.share");
  const errorText = useErrorText();
  const me = useCaller()?.user.id;
  const members = (useMembers().data ?? []).filter((m) => m.id !== me);
  const create = useCreateReviewRequest();
  const [who, setWho] = useState<"team" | "people">("team");
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [due, setDue] = useState("");
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);
  const count = "boardId" in target ? target.count : target.assetIds.length;

  const submit = () => {
    if (who === "people" && picked.size === 0) return setMissing(true);
    create.mutate({
      ...("boardId" in target ? { boardId: target.boardId } : { assetIds: target.assetIds }),
      reviewerIds: who === "team" ? "team" : [...picked],
      ...(due ? { dueAt: endOfDay(due) } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };
  const today = new Date();
  const min = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;

  return (
    <ModalSheet
      label={"name" in target ? t("titleBoard", { name: target.name }) : t("title")}
      onClose={onClose}
      data-testid="request-review-dialog"
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="text-base font-semibold text-fg">
            {"name" in target ? t("titleBoard", { name: target.name }) : t("title")}
          </h2>
          <p className="text-sm text-muted">{t("what", { n: count })}</p>
        </div>
        <Button size="icon" variant="ghost" aria-label={tc("close")} onClick={onClose}>
          <XIcon />
        </Button>
      </div>

      {create.data ? (
        <div className="flex flex-col gap-3 rounded-xl border border-success/30 bg-success/5 p-3" role="status">
          <p className="text-sm text-fg">{t("done")}</p>
          <Link
            href={`/reviews?id=${create.data.id}`}
            className={cn(buttonClasses({ variant: "secondary", size: "sm" }), "self-start")}
            data-testid="request-review-open"
          >
            {t("view")}
          </Link>
        </div>
      ) : (
        <form
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-xs font-medium text-muted">{t("who")}</legend>
            {(["team", "people"] as const).map((v) => (
              <label key={v} className="flex items-center gap-2 text-sm text-fg">
                <input
                  type="radio"
                  name="review-who"
                  value={v}
                  checked={who === v}
                  onChange={() => setWho(v)}
                  className="size-4 accent-[var(--color-accent)]"
                />
                {t(v)}
              </label>
            ))}
            {members.length === 0 ? (
              <p className="text-sm text-muted">{t("nobody")}</p>
            ) : (
              who === "people" && (
                <ul className="ms-6 flex max-h-48 flex-col gap-1 overflow-y-auto" data-testid="request-review-people">
                  {members.map((m) => (
                    <li key={m.id}>
                      <label className="flex items-center gap-2 text-sm text-fg">
                        <input
                          type="checkbox"
                          checked={picked.has(m.id)}
                          onChange={(e) => {
                            const next = new Set(picked);
                            if (e.target.checked) next.add(m.id);
                            else next.delete(m.id);
                            setPicked(next);
                            setMissing(false);
                          }}
                          className="size-4 accent-[var(--color-accent)]"
                        />
                        {m.name}
                      </label>
                    </li>
                  ))}
                </ul>
              )
            )}
            {missing && <p className="text-sm text-danger">{t("pickSomeone")}</p>}
          </fieldset>
          <label className="flex flex-col gap-1 text-xs font-medium text-muted">
            {t("due")}
            <Input type="date" value={due} min={min} onChange={(e) => setDue(e.target.value)} />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-muted">
            {t("note")}
            <Textarea
              rows={3}
              maxLength={2000}
              value={note}
              placeholder={t("notePlaceholder")}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          {create.error && (
            <p role="alert" className="text-sm text-danger">
              {errorText(create.error)}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" loading={create.isPending} disabled={members.length === 0}>
              {t("send")}
            </Button>
            <Button type="button" variant="ghost" onClick={onClose}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      )}
    </ModalSheet>
  );
}
