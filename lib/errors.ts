/** The studio's own error: a stable code, an HTTP status, a message a person can act on, and the field at fault. */
export type AppErrorCode =
  | "invalid_request"
  | "validation_failed"
  | "not_found"
  | "conflict"
  | "not_cancelable"
  | "public_url_required"
  | "rate_limited"
  | "upstream_error"
  | "upstream_unavailable"
  | "internal";

const STATUS: Record<AppErrorCode, number> = {
  invalid_request: 400,
  validation_failed: 422,
  not_found: 404,
  conflict: 409,
  not_cancelable: 409,
  public_url_required: 422,
  rate_limited: 429,
  upstream_error: 502,
  upstream_unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly field?: string;
  constructor(code: AppErrorCode, message: string, field?: string) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = STATUS[code];
    this.field = field;
  }
  toJSON() {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) };
  }
}
