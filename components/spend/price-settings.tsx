"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Card, CardBody, CardHeader, Field, Input, Select } from "@/components/ui";
import { UNITS, type PriceItem, type Unit } from "@/lib/catalog/units";
import { api } from "@/lib/client/api";
import { useErrorText } from "@/lib/client/error-text";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { usePrices, type PricesView } from "./use-prices";

type Row = { model: string; unit: Unit; price: string; when: string };

const toRow = (i: PriceItem): Row => ({
  model: i.model,
  unit: i.unit,
  price: String(i.price),
  when: Object.entries(i.when ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(", "),
});

function fromRow(r: Row): PriceItem {
  const when = Object.fromEntries(
    r.when
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => {
        const [k, ...v] = p.split("=");
        return [k.trim(), v.join("=").trim()];
      }),
  );
  return { model: r.model, unit: r.unit, price: Number(r.price), ...(Object.keys(when).length ? { when } : {}) };
}

/** The studio's price table: operators edit it (each save is a new version), everyone else reads it. */
export type ModelOption = { id: string; name: { zh: string; en: string } };

export function PriceSettings({ editable, models }: { editable: boolean; models: ModelOption[] }) {
  const prices = usePrices();
  if (!prices.data) return null;
  return <PriceForm editable={editable} models={models} initial={prices.data} />;
}

function PriceForm({ editable, models, initial }: { editable: boolean; models: ModelOption[]; initial: PricesView }) {
  const t = useTranslations("spend.prices");
  const locale = useLocale();
  const errorText = useErrorText();
  const queries = useQueryClient();
  const prices = { data: initial };
  const [currency, setCurrency] = useState(initial.currency);
  const [rows, setRows] = useState<Row[]>(() => initial.items.map(toRow));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api<PricesView>("/api/v1/prices", { method: "PUT", json: { currency, items: rows.map(fromRow) } }),
    onSuccess: (data) => {
      queries.setQueryData(["prices"], data);
      setSaved(true);
    },
  });
  const update = (i: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  return (
    <Card>
      <CardHeader title={t("title")} description={editable ? t("hint") : t("readOnly")} />
      <CardBody className="flex flex-col gap-4">
        {prices.data?.updatedAt && (
          <p className="text-xs text-muted">
            {t("version", { when: new Date(prices.data.updatedAt).toLocaleString(locale) })}
          </p>
        )}
        <form
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Field label={t("currency")} className="max-w-40">
            <Input
              name="currency"
              value={currency}
              disabled={!editable}
              maxLength={3}
              onChange={(e) => setCurrency(e.target.value.toUpperCase())}
            />
          </Field>
          {rows.length === 0 && <p className="text-sm text-muted">{t("empty")}</p>}
          <ul className="flex flex-col gap-3">
            {rows.map((r, i) => (
              <li
                key={i}
                data-testid="price-row"
                className="grid grid-cols-2 gap-2 rounded-lg border border-border p-3 sm:grid-cols-[2fr_1.2fr_1.2fr_1fr_auto] sm:items-end"
              >
                <Field label={t("model")} className="col-span-2 sm:col-span-1">
                  <Select
                    name="model"
                    value={r.model}
                    disabled={!editable}
                    onChange={(e) => update(i, { model: e.target.value })}
                  >
                    {models.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.id} · {m.name[locale === "en" ? "en" : "zh"]}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t("unit")}>
                  <Select
                    name="unit"
                    value={r.unit}
                    disabled={!editable}
                    onChange={(e) => update(i, { unit: e.target.value as Unit })}
                  >
                    {UNITS.map((u) => (
                      <option key={u} value={u}>
                        {t(`units.${u}`)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t("when")}>
                  <Input
                    name="when"
                    value={r.when}
                    disabled={!editable}
                    placeholder="resolution=1080P"
                    onChange={(e) => update(i, { when: e.target.value })}
                  />
                </Field>
                <Field label={t("price", { currency })}>
                  <Input
                    name="price"
                    type="number"
                    inputMode="decimal"
                    min={0}
                    step="any"
                    value={r.price}
                    disabled={!editable}
                    onChange={(e) => update(i, { price: e.target.value })}
                  />
                </Field>
                {editable && (
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    aria-label={t("remove")}
                    onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                  >
                    {t("remove")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {save.error && (
            <p role="alert" className="text-sm text-danger">
              {errorText(save.error)}
            </p>
          )}
          {editable && (
            <div className="flex flex-wrap items-center gap-3">
              <Button
                type="button"
                variant="secondary"
                onClick={() =>
                  setRows((rs) => [...rs, { model: models[0].id, unit: "video_second", price: "", when: "" }])
                }
              >
                {t("add")}
              </Button>
              <Button type="submit" variant="primary" loading={save.isPending}>
                {t("save")}
              </Button>
              {saved && (
                <span role="status" className="text-sm text-success">
                  {t("saved")}
                </span>
              )}
            </div>
          )}
        </form>
      </CardBody>
    </Card>
  );
}
