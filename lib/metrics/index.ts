import client from "prom-client";
import { onTdCall } from "@/lib/td/observe";

// The process's Prometheus metrics (GET /api/metrics, token-protected). Counters and histograms are updated where
// things happen (the TD client base through its observer, the engine, the archiver, the chat gateway); the gauges
// (queue depth, poll lag, archive backlog) are read from the database when Prometheus scrapes (lib/metrics/scrape.ts).
// Every process keeps its own counts: Prometheus scrapes each process and sums them.

/** TD answers in seconds: fast JSON calls through minutes-long creates. */
const TD_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
const TTFT_BUCKETS = [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20];
const LAG_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300];

function build() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const m = {
    registry,
    tdCalls: new client.Counter({
      name: "studio_td_calls_total",
      help: "Calls to TD (each attempt), by protocol family and outcome (ok | error)",
      labelNames: ["family", "outcome"] as const,
      registers: [registry],
    }),
    tdErrors: new client.Counter({
      name: "studio_td_errors_total",
      help: "Failed calls to TD by family and code (TD's code, HTTP<status>, Timeout, a network code)",
      labelNames: ["family", "code"] as const,
      registers: [registry],
    }),
    tdSeconds: new client.Histogram({
      name: "studio_td_call_duration_seconds",
      help: "Time of one TD call attempt (a stream: until its headers)",
      labelNames: ["family"] as const,
      buckets: TD_BUCKETS,
      registers: [registry],
    }),
    polls: new client.Counter({
      name: "studio_engine_polls_total",
      help: "Status polls by outcome: unchanged, changed, error",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    pollLag: new client.Histogram({
      name: "studio_engine_poll_lag_seconds",
      help: "How late a status poll started after it was due",
      buckets: LAG_BUCKETS,
      registers: [registry],
    }),
    archives: new client.Counter({
      name: "studio_archive_total",
      help: "Output downloads to the studio's storage by result: archived, failed",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    archiveSeconds: new client.Histogram({
      name: "studio_archive_duration_seconds",
      help: "Time to download and store one output (its poster and thumbnail are made afterwards)",
      buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900],
      registers: [registry],
    }),
    media: new client.Counter({
      name: "studio_media_total",
      help: "Posters, thumbnails and waveforms of stored outputs by result: made, failed (kept without)",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    mediaSeconds: new client.Histogram({
      name: "studio_media_duration_seconds",
      help: "Time to make one stored output's poster, thumbnail or waveform and probe it",
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    chatTtft: new client.Histogram({
      name: "studio_chat_ttft_seconds",
      help: "Chat gateway: time from the request to the first byte of TD's answer stream",
      labelNames: ["model"] as const,
      buckets: TTFT_BUCKETS,
      registers: [registry],
    }),
    queue: new client.Gauge({
      name: "studio_generations_active",
      help: "Generations being followed, by status and phase (none | waiting_capacity | saving), at scrape time",
      labelNames: ["status", "phase"] as const,
      registers: [registry],
    }),
    overdue: new client.Gauge({
      name: "studio_poll_overdue_seconds",
      help: "How long the most overdue status poll has been due (0: none waiting), at scrape time",
      registers: [registry],
    }),
    pollsDue: new client.Gauge({
      name: "studio_polls_due",
      help: "Status polls due now and not taken by any process, at scrape time",
      registers: [registry],
    }),
    archiveBacklog: new client.Gauge({
      name: "studio_archive_backlog",
      help: "Outputs not yet stored on the studio, by state (temporary | archiving | failed, retry pending)",
      labelNames: ["state"] as const,
      registers: [registry],
    }),
  };
  // Codes come from TD: bounded to a sane shape so a strange answer cannot grow the label set without end.
  onTdCall((e) => {
    m.tdCalls.inc({ family: e.family, outcome: e.error ? "error" : "ok" });
    m.tdSeconds.observe({ family: e.family }, e.seconds);
    if (e.error)
      m.tdErrors.inc({ family: e.family, code: /^[\w.]{1,64}$/.test(e.error.code) ? e.error.code : "other" });
  });
  return m;
}

const g = globalThis as unknown as { __studioMetrics?: ReturnType<typeof build> };

/** The process's metrics, made (and hooked to the TD clients) on first use; instrumentation.ts calls it at start. */
export function metrics() {
  return (g.__studioMetrics ??= build());
}
