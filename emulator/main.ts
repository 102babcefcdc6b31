import { startEmulator } from "./index";

// `npm run emulator`: the TD emulator alone. Settings from the environment (see .env.example).
const num = (name: string, fallback: number) => {
  const v = process.env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`${name} must be a non-negative number (got "${v}")`);
    process.exit(2);
  }
  return n;
};

const emu = await startEmulator({
  port: num("EMULATOR_PORT", 4010),
  host: process.env.EMULATOR_HOST || "127.0.0.1",
  apiKey: process.env.EMULATOR_API_KEY ?? "",
  publicUrl: process.env.EMULATOR_PUBLIC_URL || undefined,
  taskSeconds: num("EMULATOR_TASK_SECONDS", 6),
  outputTtlSeconds: num("EMULATOR_OUTPUT_TTL_SECONDS", 86_400),
  faultRate: num("EMULATOR_FAULT_RATE", 0),
  hangMs: num("EMULATOR_HANG_MS", 120_000),
  chatChunkMs: num("EMULATOR_CHAT_CHUNK_MS", 30),
  chatFirstTokenMs: num("EMULATOR_CHAT_FIRST_TOKEN_MS", 250),
  secret: process.env.EMULATOR_SECRET || undefined,
  quiet: process.env.EMULATOR_QUIET === "1",
});
console.log(
  `TD emulator listening on ${emu.url} (tasks take ${emu.opts.taskSeconds}s, output links live ${emu.opts.outputTtlSeconds}s, fault rate ${emu.opts.faultRate})`,
);

const stop = () => emu.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
