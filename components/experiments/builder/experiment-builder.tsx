"use client";

import { PlusIcon } from "lucide-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useTranslations } from "use-intl";
import { useCan } from "@/components/auth/caller-context";
import { defaultsOf } from "@/components/generations/param-fields";
import { Button, Card, CardBody, CardHeader, Field, Input, Spinner } from "@/components/ui";
import type { ModeFormSpec } from "@/lib/catalog/form-spec";
import { api } from "@/lib/client/api";
import { useErrorText } from "@/lib/client/error-text";
import type { DryRunAnswer, ExperimentRequest, ExperimentView } from "../types";
import {
  draftRows,
  draftSeeds,
  fromRequest,
  inputProblems,
  newKey,
  specKey,
  toRequest,
  type BuilderDraft,
  type VariantDraft,
} from "./draft";
import { EstimatePanel } from "./estimate-panel";
import { PromptsEditor } from "./prompts-editor";
import { SharedInputs } from "./shared-inputs";
import { VariantCard } from "./variant-card";
import type { PromptView } from "@/components/prompts/types";

/** GPT Image-2 text-to-image, when the catalog has it: a cheap, fast first column. */
const FIRST = "T0302007|text-to-image";

function freshVariant(specs: ModeFormSpec[], key = FIRST): VariantDraft {
  const spec = specs.find((s) => specKey(s) === key) ?? specs[0];
  return { key: newKey(), spec: specKey(spec), params: defaultsOf(spec.params) };
}

/**
 * The experiment builder: rows (prompts or a template), columns (variants), seeds, shared inputs. "Estimate" asks
 * the server for a dry run (cells, units, cost, time, budget); only the estimate's own button runs it.
 */
export function ExperimentBuilder({
  specs,
  kinds,
  from,
  promptId,
}: {
  specs: ModeFormSpec[];
  kinds: Record<string, string>;
  /** Duplicate with changes: the experiment this one is a new version of. */
  from?: string;
  /** Rows from a saved prompt of the library. */
  promptId?: string;
}) {
  const t = useTranslations("experiments.builder");
  const errorText = useErrorText();
  const parent = useQuery({
    queryKey: ["experiment", from, "open"],
    queryFn: () => api<ExperimentView>(`/api/v1/experiments/${from}`),
    enabled: !!from,
  });
  const prompt = useQuery({
    queryKey: ["prompt", promptId],
    queryFn: () => api<PromptView>(`/api/v1/prompts/${promptId}`),
    enabled: !!promptId,
  });
  const loading = (from && parent.isPending) || (promptId && prompt.isPending);
  if (loading) return <Spinner className="mx-auto my-16" />;
  const failed = parent.error ?? prompt.error;
  if (failed)
    return (
      <p role="alert" className="text-sm text-danger">
        {errorText(failed)}
      </p>
    );
  // The form starts from what it was opened with: a parent experiment, a library prompt, or nothing.
  let initial: BuilderDraft = {
    name: "",
    promptMode: "template",
    list: "",
    template: "",
    values: {},
    variants: [freshVariant(specs)],
    seeds: "",
    repeats: 1,
    inputs: [],
  };
  if (parent.data?.definition)
    initial = fromRequest(parent.data.definition as ExperimentRequest, t("duplicateOf", { name: parent.data.name }));
  else if (prompt.data) {
    const v = prompt.data.latest;
    const vars = Object.entries(v?.variables ?? {});
    initial = {
      ...initial,
      name: prompt.data.name,
      promptVersionId: v?.id,
      ...(vars.length
        ? {
            promptMode: "template",
            template: v?.body ?? "",
            values: Object.fromEntries(vars.map(([k, x]) => [k, x.join(", ")])),
          }
        : { promptMode: "list", list: v?.body ?? "" }),
    };
  }
  return <BuilderForm specs={specs} kinds={kinds} from={from} initial={initial} />;
}

function BuilderForm({
  specs,
  kinds,
  from,
  initial,
}: {
  specs: ModeFormSpec[];
  kinds: Record<string, string>;
  from?: string;
  initial: BuilderDraft;
}) {
  const t = useTranslations("experiments.builder");
  const errorText = useErrorText();
  const router = useRouter();
  const qc = useQueryClient();
  const canRun = useCan("generation:create");
  const [draft, setDraft] = useState<BuilderDraft>(initial);
  const [problem, setProblem] = useState<string>();
  const patch = (p: Partial<BuilderDraft>) => setDraft((d) => ({ ...d, ...p }));

  const rows = draftRows(draft);
  const chosen = draft.variants.map((v) => specs.find((s) => specKey(s) === v.spec));
  const flagged = chosen.some((s) => {
    const p = inputProblems(s, draft.inputs);
    return p.cannot.length > 0 || p.needs.length > 0;
  });
  const perRow = Math.max(1, draftSeeds(draft).length) * Math.max(1, draft.seeds.trim() ? 1 : draft.repeats);
  const cells = rows.length * perRow * draft.variants.length;
  const body = useMemo(() => JSON.stringify(toRequest(draft, false)), [draft]);

  const check = (): string | undefined => {
    if (!draft.name.trim()) return t("errors.name");
    if (draft.promptMode === "template" && draft.template.trim() && rows.length === 0) return t("errors.variables");
    if (!rows.length) return t("errors.prompts");
    if (!draft.variants.length) return t("errors.variants");
    if (flagged) return t("errors.inputs");
  };
  const estimate = useMutation({
    mutationFn: (json: string) =>
      api<DryRunAnswer>("/api/v1/experiments", { method: "POST", json: { ...JSON.parse(json), dryRun: true } }).then(
        (answer) => ({ answer, json }),
      ),
  });
  const run = useMutation({
    mutationFn: (json: string) =>
      api<{ id: string }>(from ? `/api/v1/experiments/${from}/duplicate` : "/api/v1/experiments", {
        method: "POST",
        json: JSON.parse(json),
      }),
    onSuccess: ({ id }) => {
      void qc.invalidateQueries({ queryKey: ["experiments"] });
      router.push(`/experiments/${id}`);
    },
  });
  const requestEstimate = () => {
    const p = check();
    setProblem(p);
    if (!p) estimate.mutate(body);
  };

  const setVariant = (i: number, v: VariantDraft) =>
    patch({ variants: draft.variants.map((x, k) => (k === i ? v : x)) });

  return (
    <div className="flex flex-col gap-6" data-testid="experiment-builder">
      <Field label={t("name")} className="max-w-xl">
        <Input
          value={draft.name}
          onChange={(e) => patch({ name: e.target.value })}
          placeholder={t("namePlaceholder")}
          maxLength={120}
          data-testid="experiment-name"
        />
      </Field>

      <Card>
        <CardHeader title={t("prompts")} />
        <CardBody>
          <PromptsEditor draft={draft} onChange={patch} />
        </CardBody>
      </Card>

      <section className="flex flex-col gap-3" aria-labelledby="variants-title">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="variants-title" className="text-[15px] font-semibold text-fg">
              {t("variants")}
            </h2>
            <p className="text-sm text-muted">{t("variantsHint")}</p>
          </div>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => patch({ variants: [...draft.variants, freshVariant(specs)] })}
            data-testid="add-variant"
          >
            <PlusIcon />
            {t("addVariant")}
          </Button>
        </div>
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {draft.variants.map((v, i) => (
            <VariantCard
              key={v.key}
              index={i}
              variant={v}
              specs={specs}
              kinds={kinds}
              inputs={draft.inputs}
              onChange={(next) => setVariant(i, next)}
              onDuplicate={() =>
                patch({
                  variants: [
                    ...draft.variants.slice(0, i + 1),
                    { ...v, key: newKey() },
                    ...draft.variants.slice(i + 1),
                  ],
                })
              }
              onRemove={
                draft.variants.length > 1
                  ? () => patch({ variants: draft.variants.filter((_, k) => k !== i) })
                  : undefined
              }
            />
          ))}
        </div>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("seeds")} />
          <CardBody className="grid gap-4 sm:grid-cols-2">
            <Field label={t("seedsLabel")} hint={t("seedsHint")}>
              <Input
                value={draft.seeds}
                onChange={(e) => patch({ seeds: e.target.value })}
                placeholder="1, 2"
                inputMode="numeric"
              />
            </Field>
            <Field label={t("repeats")} hint={t("repeatsHint")}>
              <Input
                type="number"
                min={1}
                max={10}
                value={draft.repeats}
                disabled={!!draft.seeds.trim()}
                onChange={(e) => patch({ repeats: Math.max(1, Math.min(10, Number(e.target.value) || 1)) })}
              />
            </Field>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("inputs")} description={t("inputsHint")} />
          <CardBody>
            <SharedInputs
              specs={chosen.filter((s): s is ModeFormSpec => !!s)}
              inputs={draft.inputs}
              onChange={(inputs) => patch({ inputs })}
            />
          </CardBody>
        </Card>
      </div>

      <div className="flex flex-col gap-3 border-t border-border pt-5">
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-muted tabular-nums" data-testid="cells-line">
            {t("cellsLine", { rows: rows.length * perRow, variants: draft.variants.length, cells })}
          </p>
          <Button
            variant={estimate.data && estimate.data.json === body ? "secondary" : "primary"}
            onClick={requestEstimate}
            loading={estimate.isPending}
            disabled={!canRun}
            data-testid="experiment-estimate-button"
          >
            {estimate.isPending ? t("estimating") : t("estimate")}
          </Button>
        </div>
        {(problem || estimate.error || run.error) && (
          <p role="alert" className="text-sm text-danger" data-testid="experiment-problem">
            {problem ?? errorText(estimate.error ?? run.error)}
          </p>
        )}
        {estimate.data && !problem && !estimate.error && (
          <EstimatePanel
            answer={estimate.data.answer}
            stale={estimate.data.json !== body}
            running={run.isPending || run.isSuccess}
            onRun={() => run.mutate(estimate.data.json)}
          />
        )}
      </div>
    </div>
  );
}
