"use client";

import { AudioLinesIcon } from "lucide-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { Badge, Button, EmptyState, Field, Input } from "@/components/ui";
import { api, ApiError } from "@/lib/client/api";
import type { VoiceView } from "@/lib/voices/schema";
import { WaveformPlayer } from "./waveform-player";

/** The team's voices: play the clone sample, rename, delete, speak with one; add a VoiceId obtained elsewhere by hand. */
export function VoiceLibrary({ voices, onSpeakWith }: { voices: VoiceView[]; onSpeakWith: (voiceId: string) => void }) {
  const t = useTranslations("speech");
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ["voices"] });
  const [voiceId, setVoiceId] = useState("");
  const [name, setName] = useState("");
  const add = useMutation({
    mutationFn: () =>
      api<VoiceView>("/api/v1/voices", { method: "POST", json: { voiceId: voiceId.trim(), name: name.trim() } }),
    onSuccess: () => {
      setVoiceId("");
      setName("");
      void refresh();
    },
  });
  const addError = add.error as ApiError | null;

  return (
    <div className="flex flex-col gap-5">
      {voices.length === 0 ? (
        <EmptyState
          className="py-6"
          icon={<AudioLinesIcon />}
          title={t("library.empty")}
          description={t("library.emptyHint")}
        />
      ) : (
        <ul className="flex flex-col divide-y divide-border rounded-lg border border-border" data-testid="voice-list">
          {voices.map((v) => (
            <VoiceRow key={v.id} voice={v} onSpeakWith={onSpeakWith} onChanged={refresh} />
          ))}
        </ul>
      )}

      <form
        noValidate
        className="flex flex-col gap-3 rounded-lg border border-border p-4"
        aria-label={t("library.addTitle")}
        onSubmit={(e) => {
          e.preventDefault();
          if (voiceId.trim() && name.trim()) add.mutate();
        }}
      >
        <h3 className="text-[13px] font-semibold text-fg">{t("library.addTitle")}</h3>
        <p className="text-xs leading-5 text-muted">{t("library.addHint")}</p>
        <Field
          label={t("library.voiceId")}
          required
          error={addError?.field === "voiceId" ? addError.message : undefined}
        >
          <Input
            name="manualVoiceId"
            value={voiceId}
            onChange={(e) => setVoiceId(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            className="font-mono text-xs"
          />
        </Field>
        <Field label={t("clone.name")} required error={addError?.field === "name" ? addError.message : undefined}>
          <Input name="manualVoiceName" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        </Field>
        {addError && addError.field !== "voiceId" && addError.field !== "name" && (
          <p className="text-xs font-medium text-danger">{addError.message}</p>
        )}
        <Button
          type="submit"
          variant="secondary"
          loading={add.isPending}
          disabled={!voiceId.trim() || !name.trim()}
          className="self-start"
        >
          {t("library.add")}
        </Button>
      </form>
    </div>
  );
}

function VoiceRow({
  voice,
  onSpeakWith,
  onChanged,
}: {
  voice: VoiceView;
  onSpeakWith: (voiceId: string) => void;
  onChanged: () => void;
}) {
  const t = useTranslations("speech");
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(voice.name);
  const [confirming, setConfirming] = useState(false);
  const rename = useMutation({
    mutationFn: () => api<VoiceView>(`/api/v1/voices/${voice.id}`, { method: "PATCH", json: { name: name.trim() } }),
    onSuccess: () => {
      setEditing(false);
      onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: () => api(`/api/v1/voices/${voice.id}`, { method: "DELETE" }),
    onSuccess: onChanged,
  });
  const error = (rename.error ?? remove.error) as ApiError | null;
  const tags = [...voice.labels, ...voice.scenes];

  return (
    <li className="flex min-w-0 flex-col gap-2 p-3" data-testid="voice-row" data-voice-id={voice.voiceId}>
      {editing ? (
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) rename.mutate();
          }}
        >
          <Input
            aria-label={t("clone.name")}
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.target.value)}
            autoFocus
            className="min-w-0 flex-1"
          />
          <Button size="sm" type="submit" variant="primary" loading={rename.isPending} disabled={!name.trim()}>
            {t("library.save")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => (setEditing(false), setName(voice.name))}>
            {t("library.cancel")}
          </Button>
        </form>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <span className="min-w-0 truncate text-sm font-medium text-fg">{voice.name}</span>
          <Badge tone={voice.source === "clone" ? "accent" : "neutral"}>{t(`library.source.${voice.source}`)}</Badge>
          <span className="ms-auto flex gap-1">
            <Button size="sm" variant="secondary" onClick={() => onSpeakWith(voice.voiceId)}>
              {t("clone.speakWith")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
              {t("library.rename")}
            </Button>
            {confirming ? (
              <Button size="sm" variant="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
                {t("library.confirmDelete")}
              </Button>
            ) : (
              <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
                {t("library.delete")}
              </Button>
            )}
          </span>
        </div>
      )}
      {voice.description && <p className="text-xs text-muted">{voice.description}</p>}
      {tags.length > 0 && (
        <p className="flex flex-wrap gap-1">
          {tags.map((tag, i) => (
            <span key={`${tag}-${i}`} className="rounded-md bg-surface-2 px-1.5 py-0.5 text-[11px] text-muted">
              {tag}
            </span>
          ))}
        </p>
      )}
      <code className="block truncate text-[11px] text-muted" title={voice.voiceId}>
        {voice.voiceId}
      </code>
      {voice.sampleUrl && <WaveformPlayer src={voice.sampleUrl} compact />}
      {confirming && !remove.isPending && <p className="text-xs text-muted">{t("library.deleteHint")}</p>}
      {error && <p className="text-xs font-medium text-danger">{error.message}</p>}
    </li>
  );
}
