"use client";

import { MicIcon, SquareIcon, UploadIcon } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { Button, Spinner } from "@/components/ui";
import type { InputSpec } from "@/lib/catalog/types";
import { ApiError } from "@/lib/client/api";
import type { AssetView } from "@/lib/assets/view";
import { audioMimeOf, clock, decodeAudio, encodeWav } from "./audio";
import { WaveformPlayer } from "./waveform-player";
import { useErrorText } from "@/lib/client/error-text";

export interface Sample {
  assetId: string;
  name: string;
  fileUrl: string;
  durationSeconds?: number;
  size: number;
}

/** Recordings are resampled to this rate: plenty for a voice, and 7 MB holds about 2.5 minutes of it. */
const RECORD_RATE = 24000;
const MAX_RECORD_SECONDS = 120;
const FORMAT_NAMES: Record<string, string> = { "audio/wav": "WAV", "audio/mpeg": "MP3", "audio/mp4": "M4A" };

async function upload(file: File, use: { model: string; mode: string; role: string }): Promise<AssetView> {
  const form = new FormData();
  // The intended use goes first, so the server checks the model's limits as it stores the file.
  form.append("model", use.model);
  form.append("mode", use.mode);
  form.append("role", use.role);
  form.append("file", file);
  const res = await fetch("/api/v1/assets", { method: "POST", body: form }).catch(() => undefined);
  if (!res) throw new ApiError(0, "network", "");
  const body = (await res.json().catch(() => ({}))) as AssetView & {
    error?: { code: string; message: string; field?: string };
  };
  if (!res.ok)
    throw new ApiError(
      res.status,
      body.error?.code ?? "http",
      body.error?.message ?? `HTTP ${res.status}`,
      body.error?.field,
    );
  return body;
}

/**
 * The clone sample: a file or a microphone recording (turned into WAV in the browser). Format and size are
 * checked here as soon as it is chosen, then again by the server on upload (model/mode/role sent along).
 */
export function SampleInput({
  spec,
  model,
  mode,
  value,
  onChange,
}: {
  spec: InputSpec;
  model: string;
  mode: string;
  value?: Sample;
  onChange: (s: Sample | undefined) => void;
}) {
  const t = useTranslations("speech");
  const errorText = useErrorText();
  const fileRef = useRef<HTMLInputElement>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const [state, setState] = useState<"idle" | "recording" | "working">("idle");
  const [error, setError] = useState<string>();
  const [recordedFor, setRecordedFor] = useState(0);
  const mimes = spec.limits?.mimes ?? [];
  const maxBytes = spec.limits?.maxBytes ?? Infinity;
  const formats = [
    ...new Set(
      mimes
        .map(
          (m) =>
            FORMAT_NAMES[
              m === "audio/x-wav" || m === "audio/wave"
                ? "audio/wav"
                : m === "audio/mp3"
                  ? "audio/mpeg"
                  : m === "audio/x-m4a"
                    ? "audio/mp4"
                    : m
            ],
        )
        .filter(Boolean),
    ),
  ].join(", ");
  const mb = (n: number) => (Math.round((n / 1024 / 1024) * 10) / 10).toString();

  useEffect(() => () => recorder.current?.stream.getTracks().forEach((tr) => tr.stop()), []);
  useEffect(() => {
    if (state !== "recording") return;
    const started = Date.now();
    const timer = setInterval(() => {
      const s = (Date.now() - started) / 1000;
      setRecordedFor(s);
      if (s >= MAX_RECORD_SECONDS) recorder.current?.stop();
    }, 250);
    return () => clearInterval(timer);
  }, [state]);

  const take = async (file: File) => {
    setError(undefined);
    const mime = audioMimeOf(file);
    if (mimes.length && !mimes.includes(mime))
      return setError(t("sample.badFormat", { format: mime || file.name, allowed: formats }));
    if (file.size > maxBytes) return setError(t("sample.tooBig", { size: mb(file.size), max: mb(maxBytes) }));
    setState("working");
    try {
      // The length, for the time-range check; a file the browser cannot decode is still left to the server to judge.
      const duration = await file
        .arrayBuffer()
        .then((b) => decodeAudio(b))
        .then((a) => a.duration)
        .catch(() => undefined);
      const asset = await upload(file, { model, mode, role: spec.role });
      onChange({
        assetId: asset.id,
        name: file.name,
        fileUrl: asset.fileUrl ?? `/api/v1/assets/${asset.id}/file`,
        durationSeconds: asset.durationSeconds ?? duration,
        size: file.size,
      });
    } catch (e) {
      const err = e as ApiError;
      setError(err.code === "network" ? t("sample.network") : t("sample.refused", { message: errorText(err) }));
    } finally {
      setState("idle");
    }
  };

  const record = async () => {
    setError(undefined);
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined")
      return setError(t("sample.noRecorder"));
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      return setError(t("sample.micBlocked"));
    }
    const rec = new MediaRecorder(stream);
    const chunks: Blob[] = [];
    rec.ondataavailable = (e) => e.data.size && chunks.push(e.data);
    rec.onstop = async () => {
      stream.getTracks().forEach((tr) => tr.stop());
      recorder.current = null;
      setState("working");
      try {
        // Browsers record WebM/Ogg, which cloning does not take: decoded and written out as WAV here.
        const decoded = await decodeAudio(await new Blob(chunks, { type: rec.mimeType }).arrayBuffer(), RECORD_RATE);
        const stamp = new Date().toISOString().slice(0, 19).replace(/[T:]/g, "-");
        await take(
          new File([encodeWav(decoded.samples, decoded.sampleRate)], `recording-${stamp}.wav`, { type: "audio/wav" }),
        );
      } catch {
        setError(t("sample.recordFailed"));
        setState("idle");
      }
    };
    recorder.current = rec;
    setRecordedFor(0);
    rec.start(250);
    setState("recording");
  };

  if (value) {
    return (
      <div
        className="flex flex-col gap-2 rounded-lg border border-border bg-surface-2/50 p-3"
        data-testid="clone-sample"
      >
        <div className="flex items-center justify-between gap-2 text-xs">
          <span className="truncate font-medium text-fg" title={value.name}>
            {value.name}
          </span>
          <span className="shrink-0 text-muted tabular-nums">
            {value.durationSeconds ? `${clock(value.durationSeconds)} · ` : ""}
            {mb(value.size)} MB
          </span>
        </div>
        <WaveformPlayer src={value.fileUrl} compact />
        <div>
          <Button size="sm" variant="ghost" onClick={() => onChange(undefined)}>
            {t("sample.replace")}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2 rounded-lg border border-dashed border-border-strong p-3">
        {state === "recording" ? (
          <>
            <span className="flex items-center gap-2 text-sm text-danger" role="status">
              <span className="size-2 animate-pulse rounded-full bg-danger" aria-hidden="true" />
              {t("sample.recording", { time: clock(recordedFor), max: clock(MAX_RECORD_SECONDS) })}
            </span>
            <Button size="sm" variant="secondary" className="ms-auto" onClick={() => recorder.current?.stop()}>
              <SquareIcon fill="currentColor" className="size-[0.7em]" /> {t("sample.stop")}
            </Button>
          </>
        ) : state === "working" ? (
          <span className="flex items-center gap-2 text-sm text-muted" role="status">
            <Spinner size="sm" /> {t("sample.working")}
          </span>
        ) : (
          <>
            <Button size="sm" variant="secondary" onClick={() => fileRef.current?.click()}>
              <UploadIcon /> {t("sample.choose")}
            </Button>
            <Button size="sm" variant="secondary" onClick={record}>
              <MicIcon /> {t("sample.record")}
            </Button>
            <span className="text-xs text-muted">{t("sample.limits", { formats, max: mb(maxBytes) })}</span>
          </>
        )}
        <input
          ref={fileRef}
          type="file"
          className="sr-only"
          tabIndex={-1}
          aria-label={t("sample.choose")}
          data-testid="sample-file"
          accept={[...mimes, ".wav", ".mp3", ".m4a"].join(",")}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) void take(f);
          }}
        />
      </div>
      {error && (
        <p role="alert" className="text-xs leading-5 font-medium text-danger" data-testid="sample-error">
          {error}
        </p>
      )}
    </div>
  );
}
