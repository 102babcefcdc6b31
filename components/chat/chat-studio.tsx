"use client";

import { ListIcon, MessageCircleMoreIcon, SlidersHorizontalIcon } from "lucide-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import type { MediaItem, StudioAsset } from "@/components/inputs/types";
import { itemFromAsset, useMediaInputs } from "@/components/inputs/use-media-inputs";
import { Button, cn, EmptyState, Select, Spinner } from "@/components/ui";
import type { ParamField } from "@/lib/catalog/form-spec";
import type { InputSpec, PromptSpec } from "@/lib/catalog/types";
import { api, ApiError } from "@/lib/client/api";
import type { TurnResult } from "@/lib/chat/client";
import {
  CONTINUATION_MODELS,
  DEEPSEEK_V32_MODEL,
  MULTIMODAL_MODELS,
  type AttachmentRef,
  type ChatModelId,
  type ConversationView,
  type MessageView,
  type TurnBody,
  titleFrom,
} from "@/lib/chat/types";
import { Composer, type AttachmentOptions } from "./composer";
import { ConversationTitle } from "./conversation-header";
import { ConversationList } from "./conversation-list";
import { preloadMarkdown } from "./lazy-markdown";
import { UsageLine } from "./usage-line";
import { lazyPart, usePreloadWhenIdle } from "@/lib/client/lazy";
import type { Params } from "./param-check";
import { pendingMessage, useChatTurn } from "./use-chat-turn";
import { useErrorText } from "@/lib/client/error-text";

// Messages (with their actions and icons) load beside the page: a new chat shows none, and an opened one keeps its
// server-rendered messages until their code is there. Once idle, the message parts (editor, outcome, attachments)
// are fetched too, so the first answer and the first edit find them ready.
const Message = lazyPart(() => import("./message-item").then((m) => m.MessageItem));
const preloadMessageParts = () =>
  Message.preload().then(() =>
    import("./message-item").then((m) =>
      Promise.all([m.Editor.preload(), m.OutcomePart.preload(), m.Attachments.preload()]),
    ),
  );

// Phones and tablets: the conversation list's drawer loads when it is first opened.
const Drawer = lazyPart(() => import("./conversation-drawer").then((m) => m.ConversationDrawer));

// The settings panel (and the catalog schemas it checks with) loads when it is first opened.
const SettingsPanel = lazy(() => import("./settings-panel").then((m) => ({ default: m.SettingsPanel })));

export interface ChatModelInfo {
  id: string;
  name: { zh: string; en: string };
  roles: InputSpec[];
  prompt: PromptSpec;
  /** The settings panel's fields (the catalog's parameters of the chat mode). */
  params: ParamField[];
}

export interface ChatStudioProps {
  models: ChatModelInfo[];
  initial?: ConversationView;
  /** The conversation in the address (?c=), also when it could not be loaded: the page then says so. */
  requestedId?: string;
  /** The catalog's default frame rate for video attachments (read on the server: the limits stay off this page). */
  fpsDefault: number;
  /** `?attach=<asset id>`: studio images or videos the question starts with (the gallery's "use as input"). */
  attach?: string[];
}

const setUrl = (id?: string) => window.history.replaceState(null, "", id ? `/chat?c=${id}` : "/chat");

export function ChatStudio({ models, initial, requestedId, fpsDefault, attach = [] }: ChatStudioProps) {
  const t = useTranslations("chat");
  const errorText = useErrorText();
  usePreloadWhenIdle(preloadMessageParts);
  const locale = useLocale() as "zh" | "en";
  const qc = useQueryClient();
  const names = Object.fromEntries(models.map((m) => [m.id, m.name[locale]]));
  const [id, setId] = useState<string | undefined>(initial?.id ?? requestedId);
  const [model, setModel] = useState(initial?.model ?? DEEPSEEK_V32_MODEL);
  const [paramsBy, setParamsBy] = useState<Record<string, Params>>(initial?.settings.params ?? {});
  const [system, setSystem] = useState(initial?.settings.system ?? "");
  // The Markdown renderer is not part of the first load; fetch it once the page has settled.
  useEffect(() => {
    const timer = setTimeout(preloadMarkdown, 1200);
    return () => clearTimeout(timer);
  }, []);
  const [draft, setDraft] = useState("");
  const [options, setOptions] = useState<AttachmentOptions>({ fps: fpsDefault });
  const [composerError, setComposerError] = useState<string>();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const [drawerUsed, setDrawerUsed] = useState(false);
  if (drawer && !drawerUsed) setDrawerUsed(true);
  const inputs = useMediaInputs();
  // Files arriving with the page (?attach=) are read from the studio once, each in its kind's role.
  useEffect(() => {
    const roles = models.find((m) => m.id === (initial?.model ?? DEEPSEEK_V32_MODEL))?.roles ?? [];
    void Promise.all(attach.map((a) => api<StudioAsset>(`/api/v1/assets/${a}`).catch(() => undefined))).then(
      (assets) => {
        for (const a of assets) {
          const spec = a && roles.find((r) => r.kind === a.kind);
          if (a && spec) inputs.addItem(itemFromAsset(a, spec.role), spec);
        }
      },
    );
    // Only on arrival; later changes are the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const scroller = useRef<HTMLDivElement>(null);
  const info = models.find((m) => m.id === model) ?? models[0];
  const params = paramsBy[model] ?? {};

  const conv = useQuery({
    queryKey: ["conversation", id],
    queryFn: () => api<ConversationView>(`/api/v1/conversations/${id}`),
    enabled: !!id,
    // A conversation that is not there (deleted, mistyped link) will not appear on a second try.
    retry: (n, e) => (e as ApiError).status !== 404 && n < 1,
    initialData: initial && initial.id === id ? initial : undefined,
    staleTime: 5_000,
  });
  const settled = useCallback(
    async (cid: string) => {
      await qc.invalidateQueries({ queryKey: ["conversation", cid] });
      await qc.invalidateQueries({ queryKey: ["conversations"] });
    },
    [qc],
  );
  const { live, start, stop } = useChatTurn(settled);
  const streaming = !!live;

  // Opening a conversation takes its model and settings.
  const loadedFor = useRef(initial?.id);
  useEffect(() => {
    const c = conv.data;
    if (!c || loadedFor.current === c.id) return;
    loadedFor.current = c.id;
    setModel(c.model);
    setParamsBy(c.settings.params);
    setSystem(c.settings.system);
  }, [conv.data]);

  const messages: MessageView[] =
    live && live.conversationId === id
      ? [...live.base, ...(live.user ? [live.user] : []), live.assistant]
      : (conv.data?.messages ?? []);
  const hasMedia = messages.some((m) => m.attachments.length > 0);

  // Follow the answer while it grows, unless the person scrolled up to read.
  const pinned = useRef(true);
  useEffect(() => {
    const el = scroller.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [messages.length, live?.assistant.content, live?.assistant.reasoning]);

  const select = (next?: string) => {
    if (next === id) return;
    setId(next);
    setUrl(next);
    setDrawer(false);
    setComposerError(undefined);
    if (!next) {
      loadedFor.current = undefined;
      setParamsBy({});
      setSystem("");
    }
  };

  const chooseModel = (m: string) => {
    setModel(m);
    if (id)
      void api(`/api/v1/conversations/${id}`, { method: "PATCH", json: { model: m } }).then(
        () => settled(id),
        () => undefined,
      );
  };

  const run = async (
    cid: string,
    body: Omit<TurnBody, "model">,
    base: MessageView[],
    user?: MessageView,
    prefix?: string,
  ): Promise<TurnResult> => {
    setComposerError(undefined);
    pinned.current = true;
    const r = await start(cid, { ...body, model: model as ChatModelId, params, system }, base, user, prefix);
    if (r.kind === "failed" && !r.saved) setComposerError(errorText(r.error));
    return r;
  };

  const send = async () => {
    // Settings left alone are the catalog's defaults; changed ones are checked before anything is sent.
    const problems = Object.keys(params).length ? (await import("./param-check")).paramErrors(model, params) : {};
    if (Object.keys(problems).length) {
      setSettingsOpen(true);
      return setComposerError(t("composer.fixSettings"));
    }
    const content = draft;
    const items = inputs.items;
    const attachments: AttachmentRef[] = items
      .filter((i) => i.assetId)
      .map((i) => ({
        assetId: i.assetId!,
        kind: i.kind as "image" | "video",
        ...(i.kind === "image" && options.detail ? { detail: options.detail } : {}),
        ...(i.kind === "video" && options.fps !== 1 ? { fps: options.fps } : {}),
      }));
    let cid = id;
    if (!cid) {
      try {
        const c = await api<ConversationView>("/api/v1/conversations", {
          method: "POST",
          json: { model, title: titleFrom(content), settings: { system, params: paramsBy } },
        });
        cid = c.id;
        loadedFor.current = c.id;
        qc.setQueryData(["conversation", c.id], c);
        void qc.invalidateQueries({ queryKey: ["conversations"] });
        select(c.id);
      } catch (e) {
        return setComposerError(errorText(e));
      }
    }
    setDraft("");
    inputs.setItems([]);
    const user = pendingMessage("user", {
      content,
      attachments: items.map((i, k) => ({ ...attachments[k], fileUrl: i.previewUrl ?? "" })),
    });
    const r = await run(
      cid,
      { action: "send", content, attachments },
      conv.data?.id === cid ? (conv.data?.messages ?? []) : [],
      user,
    );
    if (r.kind === "failed" && !r.saved) {
      setDraft((d) => d || content);
      inputs.setItems((xs: MediaItem[]) => (xs.length ? xs : items));
    }
  };

  const before = (m: MessageView) => messages.filter((x) => x.position < m.position);
  const actions = {
    onEdit: (m: MessageView, content: string) =>
      id && void run(id, { action: "edit", messageId: m.id, content }, before(m), { ...m, content }),
    onRegenerate: (m: MessageView) => id && void run(id, { action: "regenerate", messageId: m.id }, before(m)),
    onContinue: (m: MessageView, prefix: string) =>
      id && void run(id, { action: "continue", messageId: m.id, content: prefix }, before(m), undefined, prefix),
  };

  const list = (
    <ConversationList
      activeId={id}
      onSelect={select}
      onNew={() => select(undefined)}
      onDeleted={(gone) => gone === id && select(undefined)}
      modelNames={names}
    />
  );

  return (
    <div className="flex h-[calc(100dvh-3.5rem)] md:h-dvh">
      <aside className="hidden w-72 shrink-0 flex-col border-e border-border bg-surface px-3 py-4 lg:flex">
        {list}
      </aside>
      {drawerUsed && (
        <Suspense fallback={null}>
          <Drawer.Part open={drawer} onClose={() => setDrawer(false)} title={t("list.title")}>
            {list}
          </Drawer.Part>
        </Suspense>
      )}

      <section className="flex min-w-0 flex-1 flex-col" aria-label={t("title")}>
        <header className="flex flex-wrap items-center gap-2 border-b border-border px-3 py-2.5 sm:px-5">
          <Button
            size="icon"
            variant="ghost"
            className="lg:hidden"
            aria-label={t("list.title")}
            onClick={() => setDrawer(true)}
          >
            <ListIcon />
          </Button>
          <ConversationTitle conversation={id ? conv.data : undefined} />
          <div className="ms-auto flex items-center gap-2">
            {conv.data && conv.data.usage.totalTokens > 0 && (
              <UsageLine u={conv.data.usage} className="hidden xl:inline" />
            )}
            <Select
              value={model}
              onChange={(e) => chooseModel(e.target.value)}
              aria-label={t("model")}
              className="w-40 sm:w-56"
              disabled={streaming}
              data-testid="model-select"
            >
              {models.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name[locale]}
                </option>
              ))}
            </Select>
            <Button
              size="icon"
              variant={settingsOpen ? "secondary" : "ghost"}
              aria-label={t("settings.title")}
              aria-expanded={settingsOpen}
              onClick={() => setSettingsOpen((o) => !o)}
              data-testid="settings-toggle"
            >
              <SlidersHorizontalIcon />
            </Button>
          </div>
        </header>

        <div className="flex min-h-0 flex-1">
          <div className="flex min-w-0 flex-1 flex-col">
            <div
              ref={scroller}
              className="min-h-0 flex-1 overflow-y-auto"
              onScroll={(e) => {
                const el = e.currentTarget;
                pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
              }}
            >
              <div
                className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6"
                data-testid="messages"
                aria-live="off"
              >
                {id && conv.isLoading ? (
                  <div className="flex justify-center py-16">
                    <Spinner label={t("loading")} />
                  </div>
                ) : id && conv.isError ? (
                  <EmptyState
                    icon={<MessageCircleMoreIcon />}
                    title={t("notFound")}
                    description={errorText(conv.error)}
                    actions={<Button onClick={() => select(undefined)}>{t("list.new")}</Button>}
                  />
                ) : messages.length === 0 ? (
                  <EmptyState icon={<MessageCircleMoreIcon />} title={t("empty.title")} description={t("empty.hint")} />
                ) : (
                  <Suspense fallback={<Spinner className="mx-auto my-16 block" label={t("loading")} />}>
                    {messages.map((m, i) => (
                      <Message.Part
                        key={m.id}
                        m={m}
                        isLast={i === messages.length - 1}
                        busy={streaming}
                        canContinue={CONTINUATION_MODELS.includes(model)}
                        modelName={names[m.model ?? ""] ?? m.model}
                        {...actions}
                      />
                    ))}
                  </Suspense>
                )}
              </div>
            </div>
            <div className="mx-auto w-full max-w-3xl px-4 pb-4 sm:px-6">
              {hasMedia && !MULTIMODAL_MODELS.includes(model) && (
                <p className="mb-2 text-xs text-warning" data-testid="text-only-notice">
                  {t("composer.mediaNotSent", { model: names[model] })}
                </p>
              )}
              <Composer
                model={model}
                value={draft}
                onChange={setDraft}
                inputs={inputs}
                roles={info.roles}
                prompt={info.prompt}
                options={options}
                onOptions={setOptions}
                streaming={streaming}
                stopping={!!live?.stopping}
                onSend={() => void send()}
                onStop={() => live && void stop(live.conversationId)}
                error={composerError}
              />
            </div>
          </div>
          {settingsOpen && (
            <div
              className={cn("fixed inset-0 z-40 flex justify-end bg-overlay lg:static lg:z-auto lg:bg-transparent")}
              onClick={(e) => e.target === e.currentTarget && setSettingsOpen(false)}
            >
              <div className="h-full w-[min(22rem,92vw)] overflow-y-auto border-s border-border bg-surface p-4 shadow-xl lg:w-80 lg:shadow-none">
                <Suspense fallback={<Spinner className="mx-auto my-8 block" />}>
                  <SettingsPanel
                    model={model}
                    fields={info.params}
                    params={params}
                    onParams={(p) => setParamsBy((all) => ({ ...all, [model]: p }))}
                    system={system}
                    onSystem={setSystem}
                    onClose={() => setSettingsOpen(false)}
                  />
                </Suspense>
              </div>
            </div>
          )}
        </div>
      </section>
    </div>
  );
}
