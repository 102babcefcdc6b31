/** Where stored files live: the local data folder (default) or an S3-compatible bucket. */
export type StorageLocation =
  | { kind: "local" }
  | {
      kind: "s3";
      bucket: string;
      /** Key prefix inside the bucket, "" or ending in "/". */
      prefix: string;
      endpoint?: string;
      region: string;
      forcePathStyle: boolean;
    };

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * `s3://bucket/prefix?endpoint=https://…&region=…&forcePathStyle=true` → a location; anything else is an error whose
 * message says what to write. Empty or `local` is the local disk.
 */
export function parseStorageUrl(value: string | undefined): StorageLocation {
  if (!value || value === "local") return { kind: "local" };
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new Error(`must be s3://bucket/prefix?endpoint=…&region=… (or empty for the local disk), got "${value}"`);
  }
  if (u.protocol !== "s3:") throw new Error(`must start with s3:// (or be empty for the local disk), got "${value}"`);
  if (u.username || u.password)
    throw new Error("must not carry credentials; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY instead");
  const bucket = u.hostname;
  if (!BUCKET.test(bucket)) throw new Error(`"${bucket}" is not a valid bucket name (3–63 of a-z 0-9 . -)`);
  const known = new Set(["endpoint", "region", "forcePathStyle"]);
  for (const k of u.searchParams.keys())
    if (!known.has(k)) throw new Error(`unknown option "${k}" (known: endpoint, region, forcePathStyle)`);
  const endpoint = u.searchParams.get("endpoint") || undefined;
  if (endpoint && !/^https?:\/\/[^/?#]+\/?$/.test(endpoint))
    throw new Error(`endpoint must be an http(s) origin like https://s3.example.com, got "${endpoint}"`);
  const style = u.searchParams.get("forcePathStyle");
  if (style !== null && !["true", "false", "1", "0"].includes(style))
    throw new Error(`forcePathStyle must be true or false, got "${style}"`);
  const prefix = decodeURIComponent(u.pathname)
    .split("/")
    .filter(Boolean)
    .map((p) => p + "/")
    .join("");
  if (prefix.includes("..")) throw new Error("the prefix must not contain ..");
  return {
    kind: "s3",
    bucket,
    prefix,
    endpoint: endpoint?.replace(/\/$/, ""),
    region: u.searchParams.get("region") || process.env.AWS_REGION || "us-east-1",
    forcePathStyle: style === "true" || style === "1",
  };
}
