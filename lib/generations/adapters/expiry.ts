/** TD's links live 24 h; signed links (OSS `Expires`, TOS `X-Tos-Date`+`X-Tos-Expires`) say exactly when. */
export function expiryOf(url: string, from = Date.now(), hours = 24): Date {
  try {
    const sp = new URL(url).searchParams;
    const exp = Number(sp.get("Expires"));
    if (Number.isFinite(exp) && exp > 1e9) return new Date(exp * 1000);
    const date = sp.get("X-Tos-Date") ?? sp.get("X-Amz-Date");
    const secs = Number(sp.get("X-Tos-Expires") ?? sp.get("X-Amz-Expires"));
    if (date && secs) {
      const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
      if (m) return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) + secs * 1000);
    }
  } catch {
    /* not a URL we can read: fall back */
  }
  return new Date(from + hours * 3600_000);
}
