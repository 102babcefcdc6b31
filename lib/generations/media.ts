import "server-only";
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
let ffmpegAvailable: boolean | undefined;

/** ffmpeg/ffprobe are optional: without them videos simply have no poster frame. */
export async function hasFfmpeg(): Promise<boolean> {
  if (ffmpegAvailable !== undefined) return ffmpegAvailable;
  try {
    await run("ffmpeg", ["-version"], { timeout: 5000 });
    ffmpegAvailable = true;
  } catch {
    ffmpegAvailable = false;
  }
  return ffmpegAvailable;
}

/** A JPEG of the frame at 0.5 s (or the first frame for very short clips). */
export async function videoPoster(videoPath: string, outPath: string): Promise<boolean> {
  if (!(await hasFfmpeg())) return false;
  try {
    await run("ffmpeg", ["-loglevel", "error", "-y", "-ss", "0.5", "-i", videoPath, "-frames:v", "1", "-vf", "scale='min(640,iw)':-2", "-q:v", "4", outPath], { timeout: 30_000 });
    return true;
  } catch {
    try {
      await run("ffmpeg", ["-loglevel", "error", "-y", "-i", videoPath, "-frames:v", "1", "-q:v", "4", outPath], { timeout: 30_000 });
      return true;
    } catch {
      return false;
    }
  }
}

export interface ProbeFacts {
  width?: number;
  height?: number;
  durationSeconds?: number;
  fps?: number;
}

export async function probeMedia(file: string): Promise<ProbeFacts> {
  if (!(await hasFfmpeg())) return {};
  try {
    const { stdout } = await run("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file], { timeout: 20_000 });
    const j = JSON.parse(stdout) as { format?: { duration?: string }; streams?: { codec_type?: string; width?: number; height?: number; avg_frame_rate?: string; duration?: string }[] };
    const v = j.streams?.find((s) => s.codec_type === "video");
    const [n, d] = (v?.avg_frame_rate ?? "0/1").split("/").map(Number);
    return {
      width: v?.width,
      height: v?.height,
      durationSeconds: j.format?.duration ? Number(j.format.duration) : undefined,
      fps: d ? Math.round((n / d) * 100) / 100 : undefined,
    };
  } catch {
    return {};
  }
}
