import type { MediaKind } from "@/lib/catalog/types";

// What a file is, from its name and type: small and synchronous, so a form can sort a pasted or dropped file into
// a role without loading the readers in media-facts.ts.

const EXT_MIME: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  bmp: "image/bmp",
  tif: "image/tiff",
  tiff: "image/tiff",
  mp4: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
  wav: "audio/wav",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  ogg: "audio/ogg",
};

/** The browser's type for a file, normalised the way the server names it (audio/x-wav → audio/wav). */
export function mimeOf(file: File): string | undefined {
  const t = file.type || EXT_MIME[file.name.split(".").pop()?.toLowerCase() ?? ""];
  if (!t) return undefined;
  return (
    (
      {
        "audio/x-wav": "audio/wav",
        "audio/wave": "audio/wav",
        "audio/vnd.wave": "audio/wav",
        "audio/mp3": "audio/mpeg",
        "audio/x-m4a": "audio/mp4",
        "image/jpg": "image/jpeg",
      } as Record<string, string>
    )[t] ?? t
  );
}

export function kindOf(mime: string | undefined): MediaKind | undefined {
  const k = mime?.split("/")[0];
  return k === "image" || k === "video" || k === "audio" ? k : undefined;
}
