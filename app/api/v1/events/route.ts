import { route } from "@/lib/api/handler";
import { teamEventStream } from "@/lib/events/stream";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/events — the caller's team's changes as server-sent events (`generation` with the record's view,
 * `changed` with a topic), for the pages: every open tab holds one stream instead of polling.
 */
export const GET = route("team:read", async (req, caller) =>
  teamEventStream(caller.teamId, req.signal, req.headers.get("last-event-id")),
);
