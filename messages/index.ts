// Every message file, imported statically so the bundler includes them and the keys are typed.
// To add a namespace: create messages/zh/<ns>.json and messages/en/<ns>.json, each holding
// { "<ns>": { ... } }, import both below and add them to `zh` and `en` under the same name.
// tests/unit/i18n.test.ts fails if a file on disk is missing here or the two trees differ.
import enAuth from "./en/auth.json";
import enChat from "./en/chat.json";
import enCommon from "./en/common.json";
import enGallery from "./en/gallery.json";
import enGeneration from "./en/generation.json";
import enHistory from "./en/history.json";
import enImage from "./en/image.json";
import enInputs from "./en/inputs.json";
import enSettings from "./en/settings.json";
import enShell from "./en/shell.json";
import enSpend from "./en/spend.json";
import enSpeech from "./en/speech.json";
import enUpstream from "./en/upstream.json";
import enReview from "./en/review.json";
import enVideo from "./en/video.json";
import enExperiments from "./en/experiments.json";
import zhAuth from "./zh/auth.json";
import zhChat from "./zh/chat.json";
import zhCommon from "./zh/common.json";
import zhGallery from "./zh/gallery.json";
import zhGeneration from "./zh/generation.json";
import zhHistory from "./zh/history.json";
import zhImage from "./zh/image.json";
import zhInputs from "./zh/inputs.json";
import zhSettings from "./zh/settings.json";
import zhShell from "./zh/shell.json";
import zhSpend from "./zh/spend.json";
import zhSpeech from "./zh/speech.json";
import zhUpstream from "./zh/upstream.json";
import zhReview from "./zh/review.json";
import zhVideo from "./zh/video.json";
import zhExperiments from "./zh/experiments.json";

const zh = {
  common: zhCommon,
  shell: zhShell,
  generation: zhGeneration,
  video: zhVideo,
  history: zhHistory,
  speech: zhSpeech,
  upstream: zhUpstream,
  inputs: zhInputs,
  image: zhImage,
  chat: zhChat,
  auth: zhAuth,
  settings: zhSettings,
  gallery: zhGallery,
  spend: zhSpend,
  review: zhReview,
  experiments: zhExperiments,
};
// Typed as zh's shape so a key missing from English is a compile error, not a runtime fallback.
const en: typeof zh = {
  common: enCommon,
  shell: enShell,
  generation: enGeneration,
  video: enVideo,
  history: enHistory,
  speech: enSpeech,
  upstream: enUpstream,
  inputs: enInputs,
  image: enImage,
  chat: enChat,
  auth: enAuth,
  settings: enSettings,
  gallery: enGallery,
  spend: enSpend,
  review: enReview,
  experiments: enExperiments,
};

export const MESSAGE_FILES = { zh, en } as const;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The merged message tree (namespaces at the top), as use-intl sees it. */
export type Messages = UnionToIntersection<(typeof zh)[keyof typeof zh]>;
