import { parseArgs } from "node:util";

// The administrator's command line (Gitea's `admin user create` is the model), for headless servers
// and scripts. Same DATABASE_URL / STUDIO_DATA_DIR as the server, same code as the web pages.
//   npm run cli -- user create --email E --password P [--name N] [--team T] [--role admin|member|reviewer] [--operator]
//   npm run cli -- user list
//   npm run cli -- user set-password --email E --password P
//   npm run cli -- token create --email E [--team T] [--name N]     (the token alone on the last line)
//   npm run cli -- token revoke --id ID
//   npm run cli -- seed gallery --team T --n 100000 [--remove]   (demo data, marked "[demo]", removable)
//   npm run cli -- storage migrate --to s3://bucket/prefix?endpoint=…&region=…   (local files → bucket, resumable)
if (process.env.STUDIO_ENV_FILE !== "none") {
  try {
    process.loadEnvFile(process.env.STUDIO_ENV_FILE ?? ".env");
  } catch {
    /* no .env: the environment alone */
  }
}
// The CLI never calls TD; the server's configuration still asks for these, so give it harmless values.
process.env.TD_BASE_URL ||= "https://modelpool-api.talkingdata.com";
process.env.TD_API_KEY ||= "unused-by-the-cli";

const USAGE = `usage:
  npm run cli -- user create --email E --password P [--name N] [--team T] [--role admin|member|reviewer] [--operator]
  npm run cli -- user list
  npm run cli -- user set-password --email E --password P
  npm run cli -- token create --email E [--team T] [--name N]
  npm run cli -- token revoke --id ID
  npm run cli -- seed gallery --team T [--n 1000] [--remove]
  npm run cli -- storage migrate --to s3://bucket/prefix?endpoint=…&region=…[&forcePathStyle=true]`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: "string" },
    password: { type: "string" },
    name: { type: "string" },
    team: { type: "string" },
    role: { type: "string" },
    operator: { type: "boolean" },
    id: { type: "string" },
    n: { type: "string" },
    remove: { type: "boolean" },
    to: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(2);
}

async function main() {
  const [noun, verb] = positionals;
  if (values.help || !noun) {
    console.log(USAGE);
    return;
  }
  if (noun === "storage" && verb === "migrate") {
    const { runStorageMigrate } = await import("../lib/storage/migrate");
    if (!(await runStorageMigrate(values.to, (line) => console.log(line)))) process.exit(1);
    return;
  }
  const { runCli } = await import("../lib/auth/cli");
  await runCli(`${noun} ${verb ?? ""}`.trim(), values, (line) => console.log(line));
}

main()
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    const err = e as { name?: string; message?: string; issues?: { message: string; path: PropertyKey[] }[] };
    if (err.issues) fail(err.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; "));
    fail(err.message ?? String(e));
  });
