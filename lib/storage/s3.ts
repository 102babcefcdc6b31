import {
  HeadBucketCommand,
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { StorageLocation } from "@/lib/config/storage-url";
import { hashMeter } from "./hash-meter";
import { checkKey, type ListedObject, type StorageBackend, type StoredObject, type WriteOptions } from "./types";

type S3Location = Extract<StorageLocation, { kind: "s3" }>;

/** Multipart parts of 8 MiB, two in flight: a 2 GB video streams through ~16–24 MB of memory. */
export const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;
/** SigV4 presigned URLs live at most a week. */
const MAX_PRESIGN_S = 7 * 24 * 3600;

const isNotFound = (e: unknown) => {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err.name === "NotFound" || err.name === "NoSuchKey" || err.$metadata?.httpStatusCode === 404;
};
/** Stores that lack an optional call (s3rver has no ListMultipartUploads/AbortMultipartUpload) answer this. */
const isNotImplemented = (e: unknown) => {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err.name === "NotImplemented" || err.$metadata?.httpStatusCode === 501 || err.name === "MethodNotAllowed";
};

function client(loc: S3Location, endpoint = loc.endpoint): S3Client {
  return new S3Client({
    region: loc.region,
    endpoint,
    forcePathStyle: loc.forcePathStyle,
    // The SDK's default CRC32 trailers (aws-chunked bodies) are not understood by every S3-compatible store
    // (OSS, COS, older MinIO/SeaweedFS, s3rver): send checksums only where the API requires them.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** An S3-compatible bucket (AWS S3, R2, OSS, COS, SeaweedFS, Garage…); credentials from the AWS_* variables. */
export class S3Storage implements StorageBackend {
  readonly kind = "s3" as const;

  async ping(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.loc.bucket }));
  }
  readonly client: S3Client;
  private readonly presigners = new Map<string, S3Client>();

  constructor(
    readonly loc: S3Location,
    /** Where `withLocalFile` puts its copies (the data folder's tmp/). */
    private readonly tmpDir: string,
  ) {
    this.client = client(loc);
  }

  private objectKey(key: string): string {
    return this.loc.prefix + checkKey(key);
  }

  /**
   * One streamed upload (multipart past PART_SIZE, a single PUT below it). S3 shows an object only once its upload
   * completes, so nothing half-written is ever visible under `key`; a failed or oversized stream aborts the upload.
   */
  async writeStream(key: string, source: Readable, opts: WriteOptions = {}): Promise<StoredObject> {
    const meter = hashMeter(opts);
    let failure: Error | undefined;
    source.on("error", (e) => {
      failure ??= e;
      meter.stream.destroy(e);
    });
    meter.stream.on("error", (e) => (failure ??= e));
    const body = source.pipe(meter.stream);
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.loc.bucket,
        Key: this.objectKey(key),
        Body: body,
        ...(opts.contentType ? { ContentType: opts.contentType } : {}),
        ...(opts.expectSha256 ? { Metadata: { sha256: opts.expectSha256 } } : {}),
      },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (e) {
      source.unpipe(meter.stream);
      source.destroy();
      // Our own reason (too large, wrong hash, the source broke) before whatever the abort call said.
      throw failure ?? e;
    }
    if (failure) throw failure;
    return { key, ...meter.result };
  }

  async adoptFile(
    key: string,
    localPath: string,
    staged: Omit<StoredObject, "key">,
    contentType?: string,
  ): Promise<StoredObject> {
    const stored = await this.writeStream(key, createReadStream(localPath), {
      expectSha256: staged.sha256,
      contentType,
    });
    await rm(localPath, { force: true });
    return stored;
  }

  async stat(key: string) {
    try {
      const h = await this.client.send(new HeadObjectCommand({ Bucket: this.loc.bucket, Key: this.objectKey(key) }));
      return { size: h.ContentLength ?? 0, mtime: h.LastModified ?? new Date(0), sha256: h.Metadata?.sha256 };
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async readStream(key: string, range?: { start: number; end: number }): Promise<Readable> {
    const res = await this.client.send(
      new GetObjectCommand({
        Bucket: this.loc.bucket,
        Key: this.objectKey(key),
        ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
      }),
    );
    return res.Body as Readable;
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.loc.bucket, Key: this.objectKey(key) }));
  }

  /** Unfinished multipart uploads under `prefix` (initiated before `before`, or all). */
  private async abortUploads(prefix: string, match: (key: string, initiated: Date) => boolean): Promise<number> {
    let aborted = 0;
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    try {
      for (;;) {
        const page = await this.client.send(
          new ListMultipartUploadsCommand({
            Bucket: this.loc.bucket,
            Prefix: prefix,
            KeyMarker: keyMarker,
            UploadIdMarker: uploadIdMarker,
          }),
        );
        for (const u of page.Uploads ?? []) {
          if (!u.Key || !u.UploadId || !match(u.Key, u.Initiated ?? new Date(0))) continue;
          await this.client.send(
            new AbortMultipartUploadCommand({ Bucket: this.loc.bucket, Key: u.Key, UploadId: u.UploadId }),
          );
          aborted++;
        }
        if (!page.IsTruncated) return aborted;
        keyMarker = page.NextKeyMarker;
        uploadIdMarker = page.NextUploadIdMarker;
      }
    } catch (e) {
      // A store without the call keeps its unfinished parts until a lifecycle rule clears them (README).
      if (isNotImplemented(e)) return aborted;
      throw e;
    }
  }

  async removePartials(key: string): Promise<void> {
    const full = this.objectKey(key);
    await this.abortUploads(full, (k) => k === full);
  }

  async sweepStalePartials(prefix: string, olderThanMs: number): Promise<number> {
    const before = Date.now() - olderThanMs;
    return this.abortUploads(this.loc.prefix + prefix, (_k, initiated) => initiated.getTime() < before);
  }

  async *list(prefix: string): AsyncIterable<ListedObject[]> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.loc.bucket,
          Prefix: this.loc.prefix + prefix,
          ContinuationToken: token,
        }),
      );
      yield (page.Contents ?? [])
        .filter((o) => o.Key)
        .map((o) => ({
          key: o.Key!.slice(this.loc.prefix.length),
          size: o.Size ?? 0,
          mtime: o.LastModified ?? new Date(0),
        }));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async withLocalFile<T>(key: string, fn: (file: string) => Promise<T>): Promise<T> {
    await mkdir(this.tmpDir, { recursive: true });
    const dir = await mkdtemp(path.join(this.tmpDir, "s3-"));
    try {
      const file = path.join(dir, path.basename(key));
      await pipeline(await this.readStream(key), createWriteStream(file));
      return await fn(file);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async presignedUrl(
    key: string,
    ttlSeconds: number,
    opts: { endpoint?: string; contentType?: string } = {},
  ): Promise<string> {
    let signer = this.client;
    if (opts.endpoint) {
      signer = this.presigners.get(opts.endpoint) ?? client(this.loc, opts.endpoint);
      this.presigners.set(opts.endpoint, signer);
    }
    // The response's Content-Type is signed into the URL: the fetcher sees the file's type whatever was stored.
    const get = new GetObjectCommand({
      Bucket: this.loc.bucket,
      Key: this.objectKey(key),
      ...(opts.contentType ? { ResponseContentType: opts.contentType } : {}),
    });
    return getSignedUrl(signer, get, {
      expiresIn: Math.min(Math.max(1, Math.round(ttlSeconds)), MAX_PRESIGN_S),
    });
  }
}
