"use client";

import { useLocale, useTranslations } from "use-intl";
import { Select } from "@/components/ui";
import type { SystemVoiceView, VoiceView } from "@/lib/voices/schema";

export interface Language {
  code: string;
  zh: string;
  en: string;
}

/** The languages most people pick, offered first; the rest follow in the UI language's alphabetical order. */
const COMMON = ["zh", "en", "yue", "ja", "ko"];

/** The 40 documented languages, by name in the UI language (the code is what is sent). */
export function LanguageSelect({
  languages,
  value,
  onChange,
  name,
  id,
}: {
  languages: Language[];
  value: string;
  onChange: (code: string) => void;
  name: string;
  id?: string;
}) {
  const t = useTranslations("speech");
  const locale = useLocale() as "zh" | "en";
  const collator = new Intl.Collator(locale === "zh" ? "zh-Hans-u-co-pinyin" : "en");
  const common = COMMON.map((c) => languages.find((l) => l.code === c)).filter((l): l is Language => !!l);
  const rest = languages.filter((l) => !COMMON.includes(l.code)).sort((a, b) => collator.compare(a[locale], b[locale]));
  const option = (l: Language) => (
    <option key={l.code} value={l.code}>
      {l[locale]}
    </option>
  );
  return (
    <Select name={name} id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <optgroup label={t("language.common")}>{common.map(option)}</optgroup>
      <optgroup label={t("language.all")}>{rest.map(option)}</optgroup>
    </Select>
  );
}

/** The studio's voice list: the team's voices (cloned or added by hand) and the system voices. "" = TD's default voice. */
export function VoiceSelect({
  team,
  system,
  value,
  onChange,
  id,
}: {
  team: VoiceView[];
  system: SystemVoiceView[];
  value: string;
  onChange: (voiceId: string) => void;
  id?: string;
}) {
  const t = useTranslations("speech");
  const locale = useLocale() as "zh" | "en";
  const known = value === "" || team.some((v) => v.voiceId === value) || system.some((v) => v.voiceId === value);
  return (
    <Select name="voiceId" id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t("voice.default")}</option>
      {!known && <option value={value}>{t("voice.unknown", { id: value.slice(0, 24) })}</option>}
      {team.length > 0 && (
        <optgroup label={t("voice.team")}>
          {team.map((v) => (
            <option key={v.id} value={v.voiceId}>
              {v.name}
              {v.source === "clone" ? ` · ${t("voice.cloned")}` : ""}
            </option>
          ))}
        </optgroup>
      )}
      <optgroup label={t("voice.system")}>
        {system.map((v) => (
          <option key={v.voiceId} value={v.voiceId}>
            {v.name[locale]}
          </option>
        ))}
      </optgroup>
    </Select>
  );
}
