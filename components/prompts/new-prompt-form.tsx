"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { Button, Card, CardBody, CardFooter, CardHeader, Field, Input, Textarea } from "@/components/ui";
import { api } from "@/lib/client/api";
import { useErrorText } from "@/lib/client/error-text";
import type { PromptView } from "./types";
import { VariablesField, variablesOf } from "./variables-field";

/** A new saved prompt: name, text (or template with its variables' values), tags, notes. */
export function NewPromptForm({ onCreated, onCancel }: { onCreated: (p: PromptView) => void; onCancel: () => void }) {
  const t = useTranslations("experiments.prompts");
  const tb = useTranslations("experiments.builder");
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const [body, setBody] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const [tags, setTags] = useState("");
  const [notes, setNotes] = useState("");
  const create = useMutation({
    mutationFn: () =>
      api<PromptView>("/api/v1/prompts", {
        method: "POST",
        json: {
          name: name.trim(),
          body: body.trim(),
          variables: variablesOf(body, values),
          tags: tags
            .split(/[,，]/)
            .map((x) => x.trim())
            .filter(Boolean),
          ...(notes.trim() ? { notes: notes.trim() } : {}),
        },
      }),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: ["prompts"] });
      onCreated(p);
    },
  });
  return (
    <Card data-testid="new-prompt">
      <CardHeader title={t("new")} />
      <CardBody className="flex flex-col gap-4">
        <Field label={t("name")}>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} data-testid="prompt-name" />
        </Field>
        <Field label={t("body")} hint={t("bodyHint", { example: `{${tb("exampleAnimal")}}` })}>
          <Textarea rows={3} value={body} onChange={(e) => setBody(e.target.value)} data-testid="prompt-body" />
        </Field>
        <VariablesField body={body} values={values} onChange={setValues} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("tags")} hint={t("tagsHint")}>
            <Input value={tags} onChange={(e) => setTags(e.target.value)} />
          </Field>
          <Field label={t("notes")}>
            <Input value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={4000} />
          </Field>
        </div>
        {create.error && (
          <p role="alert" className="text-sm text-danger">
            {errorText(create.error)}
          </p>
        )}
      </CardBody>
      <CardFooter>
        <Button variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
        <Button
          variant="primary"
          onClick={() => create.mutate()}
          loading={create.isPending}
          disabled={!name.trim() || !body.trim()}
          data-testid="prompt-save"
        >
          {t("save")}
        </Button>
      </CardFooter>
    </Card>
  );
}
