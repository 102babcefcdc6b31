"use client";

import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";

/** "Delete this conversation?" in its row, with cancel and delete. */
export function DeleteConfirm({
  label,
  pending,
  onCancel,
  onDelete,
}: {
  label: string;
  pending: boolean;
  onCancel: () => void;
  onDelete: () => void;
}) {
  const t = useTranslations("chat.list");
  return (
    <div
      className="flex items-center justify-end gap-1 px-2 pb-2"
      role="group"
      aria-label={t("deleteConfirm", { title: label })}
    >
      <span className="me-auto text-xs text-danger">{t("deleteConfirm", { title: label })}</span>
      <Button size="sm" variant="ghost" onClick={onCancel}>
        {t("cancel")}
      </Button>
      <Button size="sm" variant="danger" loading={pending} onClick={onDelete}>
        {t("delete")}
      </Button>
    </div>
  );
}
