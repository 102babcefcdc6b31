import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { execFile, type ExecFileOptions } from "node:child_process";
import { setPriority } from "node:os";

/** Work that nobody waits for (posters and thumbnails of stored outputs) runs inside this: its tools run niced. */
export const background = new AsyncLocalStorage<true>();
/** Niceness of ffmpeg/ffprobe started in the background: status polls and page requests go first on a busy machine. */
const BACKGROUND_NICE = 10;

type Out<E> = E extends { encoding: "buffer" } ? Buffer : string;
/** execFile as a promise; inside `background.run` the child's CPU priority is lowered as soon as it starts. */
export function run<E extends ExecFileOptions & { encoding?: "buffer" | "utf8" }>(
  cmd: string,
  args: string[],
  opts: E,
): Promise<{ stdout: Out<E> }> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, opts, (err, stdout) =>
      err ? reject(err) : resolve({ stdout: stdout as unknown as Out<E> }),
    );
    if (background.getStore() && child.pid)
      try {
        setPriority(child.pid, BACKGROUND_NICE);
      } catch {
        /* not permitted here: it runs at normal priority */
      }
  });
}
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

/** A JPEG of the frame at 0.5 s (or the first frame for very short clips), as bytes: the caller stores it atomically. */
export async function videoPoster(videoPath: string): Promise<Buffer | undefined> {
  if (!(await hasFfmpeg())) return undefined;
  const jpeg = async (args: string[]) => {
    const { stdout } = await run(
      "ffmpeg",
      ["-loglevel", "error", ...args, "-frames:v", "1", "-q:v", "4", "-f", "image2pipe", "-c:v", "mjpeg", "pipe:1"],
      { timeout: 30_000, encoding: "buffer", maxBuffer: 32 * 1024 * 1024 },
    );
    return stdout.length ? stdout : undefined;
  };
  try {
    return await jpeg(["-ss", "0.5", "-i", videoPath, "-vf", "scale='min(640,iw)':-2"]);
  } catch {
    try {
      return await jpeg(["-i", videoPath]);
    } catch {
      return undefined;
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
    const { stdout } = await run(
      "ffprobe",
      ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file],
      { timeout: 20_000 },
    );
    const j = JSON.parse(stdout) as {
      format?: { duration?: string };
      streams?: { codec_type?: string; width?: number; height?: number; avg_frame_rate?: string; duration?: string }[];
    };
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
