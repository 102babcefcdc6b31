import { z } from "zod";
import { TTS_AGES, TTS_GENDERS } from "@/lib/td/vod-tts";
import { TTS_LANGS } from "@/lib/catalog/limits";

// Team voices for MiniMax TTS (T0311001): the REST shapes, shared by the route handlers and the Speech page.

const tag = z.string().trim().min(1).max(20);
const profile = {
  name: z.string().trim().min(1, "name is required").max(60),
  description: z.string().trim().max(200).optional(),
  gender: z.enum(TTS_GENDERS).optional(),
  age: z.enum(TTS_AGES).optional(),
  labels: z.array(tag).max(10).optional(),
  scenes: z.array(tag).max(10).optional(),
  language: z.enum(TTS_LANGS).optional(),
};

/** POST /api/v1/voices — a VoiceId obtained elsewhere (another tool, TD support), added by hand. */
export const addVoiceRequest = z.object({
  // MiniMax ids look like "s1_<base64>" or "male-qn-qingse": no spaces, nothing else is documented.
  voiceId: z.string().trim().min(1, "voiceId is required").max(256).regex(/^\S+$/, "voiceId must not contain spaces"),
  ...profile,
});
export type AddVoiceRequest = z.infer<typeof addVoiceRequest>;

/** PATCH /api/v1/voices/{id} — rename or edit the profile; the VoiceId itself never changes. */
export const updateVoiceRequest = z
  .object({
    ...profile,
    description: profile.description.nullable(),
    gender: profile.gender.nullable(),
    age: profile.age.nullable(),
    language: profile.language.nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");
export type UpdateVoiceRequest = z.infer<typeof updateVoiceRequest>;

export interface VoiceView {
  id: string;
  voiceId: string;
  name: string;
  description?: string;
  gender?: string;
  age?: string;
  labels: string[];
  scenes: string[];
  language?: string;
  source: "clone" | "manual";
  /** The clone sample, kept as a studio asset. */
  sampleAssetId?: string;
  sampleUrl?: string;
  generationId?: string;
  createdAt: string;
}

export interface SystemVoiceView {
  voiceId: string;
  name: { zh: string; en: string };
  gender: string;
}

/** GET /api/v1/voices */
export interface VoiceList {
  items: VoiceView[];
  system: SystemVoiceView[];
}
