/**
 * Every REST route with what it does and who may call it, for the OpenAPI document. The access test
 * (tests/e2e/access.spec.ts) reads the route files and fails when this table and a file disagree, so
 * a new route cannot be left out.
 */
// a permission (lib/auth/permissions.ts), "signed-in", "operator", "public", or "metrics-token" (the operator's
// STUDIO_METRICS_TOKEN, not a studio caller)
export type RouteAccess = string;

type Entry = { summary: string; access: RouteAccess };
type Methods = Partial<Record<"get" | "post" | "put" | "patch" | "delete" | "head", Entry>>;

export const ROUTE_TABLE: Record<string, Methods> = {
  "/api/health": { get: { summary: "Liveness: the process answers (nothing else is checked)", access: "public" } },
  "/api/health/ready": {
    get: {
      summary: "Readiness: database, storage and TD reachable (200), or 503 naming the parts that are not",
      access: "public",
    },
  },
  "/api/metrics": {
    get: {
      summary: "Prometheus metrics of this process (Bearer STUDIO_METRICS_TOKEN; 404 when no token is configured)",
      access: "metrics-token",
    },
  },
  "/api/v1/models": {
    get: { summary: "The catalog: models, modes, parameters with limits and defaults", access: "public" },
  },
  "/api/v1/openapi.json": { get: { summary: "This document", access: "public" } },
  "/api/v1/generations": {
    post: { summary: "Create a generation (validated, recorded, then sent upstream)", access: "generation:create" },
    get: { summary: "List generations, newest first", access: "team:read" },
  },
  "/api/v1/generations/{id}": { get: { summary: "One generation", access: "team:read" } },
  "/api/v1/generations/{id}/cancel": {
    post: {
      summary: "Cancel where the upstream allows it (409 not_cancelable says why not)",
      access: "generation:cancel",
    },
  },
  "/api/v1/generations/{id}/callback": {
    post: {
      summary: "TD's callback_url for a Seedance task (?sig signs it per generation): wakes its poll",
      access: "public",
    },
  },
  "/api/v1/experiments": {
    post: {
      summary:
        "An experiment: prompts (or a template × variables) × variants × seeds. dryRun → 200 {cells, estimate}; else 201 {id, cells} (nothing is sent without it)",
      access: "generation:create",
    },
    get: { summary: "The team's experiments, newest first, keyset pages", access: "team:read" },
  },
  "/api/v1/experiments/{id}": {
    get: {
      summary:
        "The grid: variants, rows, cells with status, outputs, time and cost (?blind=1: shuffled, names hidden until voted)",
      access: "team:read",
    },
  },
  "/api/v1/experiments/{id}/votes": {
    post: { summary: 'Vote on a row: {row, winner: variantIndex | "tie", against?}', access: "review:decide" },
  },
  "/api/v1/experiments/{id}/results": {
    get: {
      summary: "Per variant: wins, win rate, votes, average cost and time; per-person breakdown",
      access: "team:read",
    },
  },
  "/api/v1/experiments/{id}/cancel": {
    post: {
      summary: "Cancel the rest: waiting cells dropped, sent ones cancelled where TD allows",
      access: "generation:create",
    },
  },
  "/api/v1/experiments/{id}/cells/{n}/retry": {
    post: { summary: "Run one failed cell again", access: "generation:create" },
  },
  "/api/v1/experiments/{id}/duplicate": {
    post: {
      summary: "Duplicate with changes: a new version of the experiment (dryRun supported)",
      access: "generation:create",
    },
  },
  "/api/v1/prompts": {
    get: { summary: "The team's prompt library (?q, ?tag), keyset pages", access: "team:read" },
    post: {
      summary: "Save a prompt (text or template with variables, tags, notes) as version 1",
      access: "generation:create",
    },
  },
  "/api/v1/prompts/{id}": {
    get: { summary: "A prompt with its versions and which generations used which version", access: "team:read" },
    patch: { summary: "Name, tags, notes", access: "generation:create" },
  },
  "/api/v1/prompts/{id}/versions": {
    post: {
      summary: "A new version of a prompt (source improve: the prompt helper's suggestion)",
      access: "generation:create",
    },
  },
  "/api/v1/assets": {
    post: {
      summary: "Upload a file (multipart field `file`, optional model/mode/role) or import a public URL (JSON {url})",
      access: "asset:upload",
    },
    get: { summary: "List stored assets", access: "team:read" },
  },
  "/api/v1/assets/{id}": {
    get: {
      summary: "An asset's facts, its rating and review state with history, and its version stack",
      access: "team:read",
    },
    patch: { summary: "Title, tags (gallery:organize) and the caller's own favourite", access: "team:read" },
    delete: { summary: "Move to the trash", access: "gallery:organize" },
  },
  "/api/v1/assets/{id}/versions": {
    get: {
      summary: "The asset's version stack, newest first, each version with its setting changes from the one before",
      access: "team:read",
    },
  },
  "/api/v1/assets/{id}/restore": { post: { summary: "Bring back from the trash", access: "gallery:organize" } },
  "/api/v1/assets/{id}/thumbnail": { get: { summary: "The grid thumbnail (WebP)", access: "team:read" } },
  "/api/v1/assets/{id}/lineage": {
    get: { summary: "What it was made from and what it was used in", access: "team:read" },
  },
  "/api/v1/assets/{id}/comments": {
    get: { summary: "The asset's comments, oldest first, with parentId (threads)", access: "team:read" },
    post: {
      summary: "Comment or reply, optionally pinned to a time/range and drawn shapes (0–1 plane); @mentions notify",
      access: "review:comment",
    },
  },
  "/api/v1/assets/{id}/rating": {
    put: { summary: "The caller's stars on the asset (an integer 1–5)", access: "review:comment" },
  },
  "/api/v1/assets/{id}/review": {
    post: { summary: "A review decision with an optional note (admins may override)", access: "review:decide" },
  },
  "/api/v1/comments/{id}": {
    patch: { summary: "Edit one's own text; resolve or reopen a thread", access: "review:comment" },
    delete: { summary: "Delete one's own comment (admins: any) with its replies", access: "review:comment" },
  },
  "/api/v1/reviews": {
    post: {
      summary:
        'Ask people ({reviewerIds} or "team") to review a selection ({assetIds}) or a board, by an optional dueAt',
      access: "review:request",
    },
    get: {
      summary: "Review requests, newest first (?mine=waiting|reviewer|requested|involved, ?overdue=true)",
      access: "team:read",
    },
  },
  "/api/v1/reviews/{id}": {
    get: {
      summary: "A review request: its state, each asset's state and each reviewer's decisions",
      access: "team:read",
    },
  },
  "/api/v1/notifications": {
    get: { summary: "The caller's notifications in this team, newest first (?unread=true)", access: "team:read" },
  },
  "/api/v1/notifications/read": {
    post: { summary: "Mark notifications read: {ids} or {all: true}", access: "team:read" },
  },
  "/api/v1/gallery": { get: { summary: "The team's gallery, newest first, keyset pages", access: "team:read" } },
  "/api/v1/gallery/bulk": {
    post: { summary: "Favourite (team:read), tag or trash (gallery:organize) a selection", access: "team:read" },
  },
  "/api/v1/gallery/zip": {
    post: {
      summary: "A selection's files and manifest.json as a streamed ZIP (JSON or form assetIds)",
      access: "team:read",
    },
  },
  "/api/v1/gallery/trash": {
    delete: {
      summary: "Empty the trash now (rows and files; items still used as inputs stay)",
      access: "gallery:organize",
    },
  },
  "/api/v1/gallery/tags": { get: { summary: "The team's tags, for autocomplete", access: "team:read" } },
  "/api/v1/boards": {
    get: { summary: "The team's boards", access: "team:read" },
    post: { summary: "Create a board", access: "gallery:organize" },
  },
  "/api/v1/boards/{id}": {
    get: { summary: "One board", access: "team:read" },
    patch: { summary: "Rename, set the cover", access: "gallery:organize" },
    delete: { summary: "Delete a board (its assets stay)", access: "gallery:organize" },
  },
  "/api/v1/boards/{id}/zip": {
    get: {
      summary: "The board's files and manifest.json (prompts, parameters) as a streamed ZIP",
      access: "team:read",
    },
  },
  "/api/v1/boards/{id}/items": {
    post: { summary: "Add assets to a board", access: "gallery:organize" },
    delete: { summary: "Take assets off a board", access: "gallery:organize" },
    patch: { summary: "Move a board item before another, or to the end", access: "gallery:organize" },
  },
  "/api/v1/shares": {
    get: { summary: "The team's share links (?assetId or ?boardId), never their tokens", access: "team:read" },
    post: { summary: "A public read-only link to an asset or a board (the URL is shown once)", access: "share:create" },
  },
  "/api/v1/shares/{id}": { delete: { summary: "Revoke a share link", access: "share:create" } },
  "/api/v1/s/{token}": {
    get: { summary: "What a share link shows: the asset, or a page of the board (no caller)", access: "public" },
  },
  "/api/v1/s/{token}/unlock": {
    post: { summary: "A share link's password → a cookie (wrong answers rate limited)", access: "public" },
  },
  "/api/v1/s/{token}/assets/{assetId}/file": {
    get: { summary: "A shared file (Range supported; ?download=1 when the link allows it)", access: "public" },
    head: { summary: "A shared file's headers", access: "public" },
  },
  "/api/v1/s/{token}/assets/{assetId}/thumbnail": {
    get: { summary: "A shared asset's thumbnail", access: "public" },
  },
  "/api/v1/assets/{id}/file": {
    get: { summary: "The bytes (Range supported); a signed link (?exp&sig) needs no caller", access: "team:read" },
    head: { summary: "The file's headers", access: "team:read" },
  },
  "/api/v1/assets/{id}/poster": {
    get: { summary: "A video's poster frame or an image's thumbnail", access: "team:read" },
  },
  "/api/v1/conversations": {
    get: { summary: "Chat conversations", access: "team:read" },
    post: { summary: "A new conversation", access: "chat:use" },
  },
  "/api/v1/conversations/{id}": {
    get: { summary: "A conversation with its messages", access: "team:read" },
    patch: { summary: "Rename, change model or settings", access: "chat:use" },
    delete: { summary: "Delete a conversation", access: "chat:use" },
  },
  "/api/v1/conversations/{id}/messages": {
    get: { summary: "Its messages", access: "team:read" },
    post: { summary: "Send, edit, regenerate or continue (SSE)", access: "chat:use" },
  },
  "/api/v1/conversations/{id}/stop": { post: { summary: "Stop the answer being written", access: "chat:use" } },
  "/api/v1/events": {
    get: {
      summary: "The team's changes as server-sent events (generation status, `changed` topics), for open pages",
      access: "team:read",
    },
  },
  "/api/openai/v1/models": {
    get: { summary: "OpenAI-compatible: the chat models, in OpenAI's list shape", access: "chat:use" },
  },
  "/api/openai/v1/chat/completions": {
    post: { summary: "OpenAI-compatible: the same handler as /api/v1/chat/completions", access: "chat:use" },
  },
  "/api/v1/chat/completions": {
    post: { summary: "OpenAI-compatible chat gateway (the token is the API key)", access: "chat:use" },
  },
  "/api/v1/voices": {
    get: { summary: "The team's voices", access: "team:read" },
    post: { summary: "Add a voice by its VoiceId", access: "voice:manage" },
  },
  "/api/v1/voices/{id}": {
    get: { summary: "One voice", access: "team:read" },
    patch: { summary: "Rename or describe a voice", access: "voice:manage" },
    delete: { summary: "Remove a voice", access: "voice:manage" },
  },
  "/api/v1/seedance/assets": {
    get: { summary: "The Seedance asset library", access: "team:read" },
    post: { summary: "Register a file in the library", access: "asset:upload" },
  },
  "/api/v1/seedance/assets/{id}": { get: { summary: "One library item", access: "team:read" } },
  "/api/v1/setup": {
    get: { summary: "Whether the studio waits for its first account", access: "public" },
    post: { summary: "First run: the first account, its team, signed in", access: "public" },
  },
  "/api/v1/auth/sign-in": {
    post: { summary: "Sign in with e-mail and password (rate limited per IP and per account)", access: "public" },
  },
  "/api/v1/auth/sign-out": { post: { summary: "End this session", access: "public" } },
  "/api/v1/auth/sign-up": { post: { summary: "Create an account while open sign-up is on", access: "public" } },
  "/api/v1/auth/sessions": {
    get: { summary: "The caller's sessions", access: "signed-in" },
    delete: { summary: "Sign out everywhere", access: "signed-in" },
  },
  "/api/v1/auth/sessions/{id}": { delete: { summary: "Sign one session out", access: "signed-in" } },
  "/api/v1/auth/password": { post: { summary: "Change the password (other sessions end)", access: "signed-in" } },
  "/api/v1/me": {
    get: { summary: "Who is asking: person, team, role, permissions, teams", access: "signed-in" },
    patch: { summary: "Name and language", access: "signed-in" },
  },
  "/api/v1/me/notification-settings": {
    get: { summary: "Which events reach the caller's inbox and browser", access: "signed-in" },
    patch: { summary: "Change which events notify (mentions always reach the inbox)", access: "signed-in" },
  },
  "/api/v1/me/team": { put: { summary: "Switch this session's team", access: "signed-in" } },
  "/api/v1/team": {
    get: { summary: "The current team and its members", access: "team:read" },
    patch: { summary: "Team name, open sign-up", access: "team:manage" },
  },
  "/api/v1/team/members/{userId}": {
    patch: { summary: "Change a member's role", access: "team:manage" },
    delete: { summary: "Remove a member", access: "team:manage" },
  },
  "/api/v1/team/invites": {
    get: { summary: "Invite links", access: "team:manage" },
    post: { summary: "A single-use invite link (shown once)", access: "team:manage" },
  },
  "/api/v1/team/invites/{id}": { delete: { summary: "Revoke an invite link", access: "team:manage" } },
  "/api/v1/invites/{token}": {
    get: { summary: "What an invite offers", access: "public" },
    post: { summary: "Use an invite (sign up, or join when signed in)", access: "public" },
  },
  "/api/v1/tokens": {
    get: { summary: "The caller's API tokens in this team", access: "token:manage" },
    post: { summary: "A new token (shown once)", access: "token:manage" },
  },
  "/api/v1/tokens/{id}": { delete: { summary: "Revoke a token", access: "token:manage" } },
  "/api/v1/teams": {
    get: { summary: "Every team (operators)", access: "operator" },
    post: { summary: "A new team (operators)", access: "operator" },
  },
  "/api/v1/prices": {
    get: { summary: "The price table in force (units per model; estimates read it)", access: "signed-in" },
    put: { summary: "Replace the price table: a new version, past runs keep theirs (operators)", access: "operator" },
  },
  "/api/v1/budgets": {
    get: {
      summary: "The team's budget and its members' budgets and quotas, with what is spent",
      access: "team:manage",
    },
    put: {
      summary: "Set member budgets and quotas (admins) or the team's budget (operators); null removes one",
      access: "team:manage",
    },
  },
  "/api/v1/usage": {
    get: {
      summary:
        "Spend by model, member, mode, day, week or month, with the costliest generations (members: their own; admins: the team; operators: ?teamId=)",
      access: "team:read",
    },
  },
};
