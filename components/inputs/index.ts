// Media inputs for generation forms (Video, Image, Speech pages). The whole API:
//
//   const inputs = useMediaInputs();                      // the form's inputs, in order (MediaItem[])
//   <MediaInputField spec={roleSpec} use={{ model, mode }} inputs={inputs} label="首帧" />
//       one role of a mode (`roleSpec` = ModeFormSpec.inputs[i] from the catalog): drop / paste / choose a
//       file, paste a URL, or pick any studio asset. Files are checked in the browser as soon as they are
//       chosen (checkMedia limits, messages name the limit) and uploaded to POST /api/v1/assets with the
//       intended model/mode/role, so the studio checks them again. Optional: `numbered`, `mention` +
//       `onInsert` (prompt tokens such as "[Image 1]"), `onReorder` (renumber the prompt), `extraSources`.
//   const limits = useLimitText();                         // limits.problems(item, roleSpec) → messages
//   toGenerationInputs(inputs.items, spec.inputs, { publicUrl })  // → POST /api/v1/generations `inputs`
//   itemFromAsset(asset, role) / itemFromUrl(url, role, kind, name)   // prefill (re-run, "use as input")
//
// Messages live in the `inputs` namespace (messages/{zh,en}/inputs.json).
export { AssetPicker } from "./lazy-asset-picker";
export { formatNames, useLimitText } from "./limits";
export { kindOf, mimeOf, readFileFacts } from "./media-facts";
export { MediaChip } from "./media-chip";
export { MediaInputField, type MediaInputFieldProps } from "./media-input-field";
export { toGenerationInputs } from "./to-request";
export type { IntendedUse, MediaItem, StudioAsset } from "./types";
export { itemFromAsset, itemFromUrl, useMediaInputs, type MediaInputs } from "./use-media-inputs";
