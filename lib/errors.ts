/** The studio's own error: a stable code, an HTTP status, a message a person can act on, and the field at fault. */
export type AppErrorCode =
  | "invalid_request"
  | "unauthorized"
  | "forbidden"
  | "no_team"
  | "payload_too_large"
  | "unsupported_media_type"
  | "validation_failed"
  | "not_found"
  | "conflict"
  | "not_cancelable"
  | "public_url_required"
  | "rate_limited"
  | "budget_exceeded"
  | "quota_exceeded"
  | "upstream_error"
  | "upstream_unavailable"
  | "internal";

const STATUS: Record<AppErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  no_team: 403,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  not_found: 404,
  conflict: 409,
  not_cancelable: 409,
  public_url_required: 422,
  rate_limited: 429,
  budget_exceeded: 402,
  quota_exceeded: 429,
  upstream_error: 502,
  upstream_unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly field?: string;
  /** Facts a client may act on (the permission missing, the limit broken, seconds to wait). */
  readonly details?: Record<string, string | number>;
  constructor(code: AppErrorCode, message: string, field?: string, details?: Record<string, string | number>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = STATUS[code];
    this.field = field;
    this.details = details;
  }
  toJSON() {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}), ...this.details };
  }
}
