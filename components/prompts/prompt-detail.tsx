"use client";

import { AudioLinesIcon, FlaskConicalIcon, ImageIcon, VideoIcon } from "lucide-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useFormatter, useTranslations } from "use-intl";
import { PromptHelper } from "@/components/chat/prompt-helper";
import {
  Badge,
  Button,
  buttonClasses,
  Card,
  CardBody,
  CardHeader,
  Field,
  Input,
  Spinner,
  Textarea,
} from "@/components/ui";
import { api } from "@/lib/client/api";
import { useErrorText } from "@/lib/client/error-text";
import type { PromptView } from "./types";
import { VariablesField, valuesText, variablesOf } from "./variables-field";

/** One saved prompt: use it, edit its tags and notes, add a version (by hand or with "improve prompt"), its versions and where they were used. */
export function PromptDetail({ id }: { id: string }) {
  const t = useTranslations("experiments.prompts");
  const format = useFormatter();
  const errorText = useErrorText();
  const q = useQuery({ queryKey: ["prompt", id], queryFn: () => api<PromptView>(`/api/v1/prompts/${id}`) });
  if (q.isPending) return <Spinner className="mx-auto my-10" />;
  if (q.isError)
    return (
      <p role="alert" className="text-sm text-danger">
        {errorText(q.error)}
      </p>
    );
  const p = q.data;
  // The studio links the generation to this version while the prompt is sent unchanged ("which generations used it").
  const text = `${encodeURIComponent(p.latest.body)}&promptVersion=${encodeURIComponent(p.latest.id)}`;
  return (
    <div className="flex min-w-0 flex-col gap-4" data-testid="prompt-detail">
      <Card>
        <CardHeader
          title={p.name}
          description={t("versionOf", {
            version: p.latest.version,
            time: format.dateTime(new Date(p.updatedAt), { dateStyle: "medium" }),
          })}
        />
        <CardBody className="flex flex-col gap-4">
          <p className="text-sm whitespace-pre-wrap text-fg" data-testid="prompt-current">
            {p.latest.body}
          </p>
          {Object.keys(p.latest.variables).length > 0 && (
            <dl className="grid gap-1 text-xs">
              {Object.entries(p.latest.variables).map(([k, v]) => (
                <div key={k} className="flex gap-2">
                  <dt className="font-medium text-muted">{`{${k}}`}</dt>
                  <dd className="text-fg">{v.join(" · ")}</dd>
                </div>
              ))}
            </dl>
          )}
          <div className="flex flex-wrap gap-2">
            <Link
              href={`/experiments/new?prompt=${p.id}`}
              className={buttonClasses({ variant: "primary", size: "sm" })}
              data-testid="prompt-use-experiment"
            >
              <FlaskConicalIcon />
              {t("useInExperiment")}
            </Link>
            <Link href={`/video?prompt=${text}`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              <VideoIcon />
              {t("useInVideo")}
            </Link>
            <Link href={`/image?prompt=${text}`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              <ImageIcon />
              {t("useInImage")}
            </Link>
            <Link href={`/speech?prompt=${text}`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              <AudioLinesIcon />
              {t("useInSpeech")}
            </Link>
          </div>
          <MetaEditor prompt={p} />
        </CardBody>
      </Card>
      <NewVersion prompt={p} />
      <Card>
        <CardHeader title={t("versions")} />
        <ol className="divide-y divide-border" data-testid="prompt-versions">
          {(p.versions ?? [p.latest]).map((v) => (
            <li key={v.id} className="flex flex-col gap-1.5 px-5 py-3">
              <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
                <Badge tone={v.id === p.latest.id ? "accent" : "neutral"}>v{v.version}</Badge>
                {v.source === "improve" && <Badge tone="success">{t("improved")}</Badge>}
                <time dateTime={v.createdAt}>
                  {format.dateTime(new Date(v.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                </time>
                <span>{t("used", { count: v.used })}</span>
              </div>
              <p className="text-sm whitespace-pre-wrap text-fg">{v.body}</p>
              {v.notes && <p className="text-xs text-muted">{v.notes}</p>}
            </li>
          ))}
        </ol>
      </Card>
      {p.generations && p.generations.length > 0 && (
        <Card>
          <CardHeader title={t("usedBy")} />
          <ul className="divide-y divide-border text-sm">
            {p.generations.map((g) => (
              <li key={g.id} className="flex flex-wrap items-center gap-2 px-5 py-2">
                <Badge>v{g.version}</Badge>
                <Link href={`/history?id=${g.id}`} className="text-accent-text hover:underline">
                  {g.model}
                </Link>
                <span className="text-xs text-muted">{format.relativeTime(new Date(g.createdAt))}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

function MetaEditor({ prompt }: { prompt: PromptView }) {
  const t = useTranslations("experiments.prompts");
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [tags, setTags] = useState(prompt.tags.join(", "));
  const [notes, setNotes] = useState(prompt.notes ?? "");
  const save = useMutation({
    mutationFn: () =>
      api<PromptView>(`/api/v1/prompts/${prompt.id}`, {
        method: "PATCH",
        json: {
          tags: tags
            .split(/[,，]/)
            .map((x) => x.trim())
            .filter(Boolean),
          notes: notes.trim() || null,
        },
      }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ["prompt", prompt.id] }),
        qc.invalidateQueries({ queryKey: ["prompts"] }),
      ]),
  });
  const dirty = tags !== prompt.tags.join(", ") || notes !== (prompt.notes ?? "");
  return (
    <div className="grid gap-3 border-t border-border pt-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
      <Field label={t("tags")} hint={t("tagsHint")}>
        <Input value={tags} onChange={(e) => setTags(e.target.value)} />
      </Field>
      <Field label={t("notes")}>
        <Input value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={4000} />
      </Field>
      <Button variant="secondary" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()}>
        {t("saveMeta")}
      </Button>
      {save.error && (
        <p role="alert" className="text-sm text-danger sm:col-span-3">
          {errorText(save.error)}
        </p>
      )}
    </div>
  );
}

/** A new version: edit the text by hand, or let "improve prompt" suggest one (saved as an improved version). */
function NewVersion({ prompt }: { prompt: PromptView }) {
  const t = useTranslations("experiments.prompts");
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [body, setBody] = useState(prompt.latest.body);
  const [values, setValues] = useState(valuesText(prompt.latest.variables));
  const [note, setNote] = useState("");
  const [improved, setImproved] = useState(false);
  const add = useMutation({
    mutationFn: () =>
      api(`/api/v1/prompts/${prompt.id}/versions`, {
        method: "POST",
        json: {
          body: body.trim(),
          variables: variablesOf(body, values),
          ...(note.trim() ? { notes: note.trim() } : {}),
          source: improved ? "improve" : "manual",
        },
      }),
    onSuccess: () => {
      setNote("");
      setImproved(false);
      return Promise.all([
        qc.invalidateQueries({ queryKey: ["prompt", prompt.id] }),
        qc.invalidateQueries({ queryKey: ["prompts"] }),
      ]);
    },
  });
  const unchanged =
    body.trim() === prompt.latest.body &&
    JSON.stringify(variablesOf(body, values)) === JSON.stringify(prompt.latest.variables);
  return (
    <Card>
      <CardHeader title={t("newVersion")} />
      <CardBody className="flex flex-col gap-3">
        <Textarea
          rows={3}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            setImproved(false);
          }}
          aria-label={t("body")}
          data-testid="version-body"
        />
        <PromptHelper
          value={body}
          kind="video"
          onAccept={(text) => {
            setBody(text);
            setImproved(true);
          }}
        />
        <VariablesField body={body} values={values} onChange={setValues} />
        <Field label={t("note")}>
          <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        </Field>
        {add.error && (
          <p role="alert" className="text-sm text-danger">
            {errorText(add.error)}
          </p>
        )}
        <Button
          variant="primary"
          className="self-end"
          disabled={!body.trim() || unchanged}
          loading={add.isPending}
          onClick={() => add.mutate()}
          data-testid="version-save"
        >
          {improved ? t("saveImproved") : t("saveVersion")}
        </Button>
      </CardBody>
    </Card>
  );
}
