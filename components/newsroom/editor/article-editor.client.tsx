"use client";

// The article form: a calm writing surface (title, lead, body) with the
// publishing controls, details and history in a side panel. Saves go through
// the server actions; the server re-checks every rule. Autosave after a pause,
// Ctrl/Cmd+S, a warning before leaving with unsaved changes, and a conflict
// view when someone else saved in the meantime.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { initialActionState, type ActionState } from "@/lib/auth/action-state";
import { can, type Actor } from "@/lib/auth/permissions";
import type { ArticleStatus } from "@/lib/db/types";
import { articleFormSchema } from "@/lib/articles/schema";
import { availableActions, isEditableStatus, type WorkflowAction } from "@/lib/articles/workflow";
import type { ArticleSnapshot } from "@/lib/articles/service";
import type { EditorActionData } from "@/lib/articles/actions";
import { changeArticleStatusAction, saveArticleAction } from "@/lib/articles/actions";
import { slugify } from "@/lib/text/slugify";
import { Notice } from "@/components/ui/notice";
import { RichTextEditor, type RichTextHandle } from "./rich-text-editor.client";
import { StatusBadge } from "./status-badge";
import { SaveIndicator, type SaveStatus } from "./save-indicator";
import { ConflictPanel } from "./conflict-panel.client";
import { CategoryField, type CategoryOption } from "./category-field.client";
import { PreviewLink } from "./preview-link.client";
import { RevisionsPanel, type RevisionItem } from "./revisions-panel.client";
import { DeleteArticle } from "./delete-article.client";
import { AUTOSAVE_DELAY_MS, carriesOn, createSaveQueue, stillToSend, type LandedSave } from "./saving";

type Fields = { title: string; lead: string; body: string; categoryId: string; tags: string; slug: string };
const FIELD_NAMES = ["title", "lead", "body", "categoryId", "tags", "slug"] as const;

export type EditorInitial = {
  snapshot: ArticleSnapshot | null;
  authorId: string | null;
  authorName: string;
  everPublished: boolean;
  liveSlug: string | null;
  /** The Schedule field's value in the site's time zone. */
  scheduledAtLocal: string;
  scheduledAtLabel: string | null;
};

type Props = {
  initial: EditorInitial;
  user: Actor;
  categories: CategoryOption[];
  timeZone: string;
  siteUrl: string;
  revisions: RevisionItem[];
};

const fieldsOf = (snapshot: ArticleSnapshot | null): Fields => ({
  title: snapshot?.title ?? "",
  lead: snapshot?.lead ?? "",
  body: snapshot?.body ?? "",
  categoryId: snapshot?.categoryId ?? "",
  tags: snapshot?.tags.join(", ") ?? "",
  slug: snapshot?.slug ?? "",
});
const keyOf = (fields: Fields) => JSON.stringify(FIELD_NAMES.map((name) => fields[name]));

type ServerState = { id: string | null; version: number; status: ArticleStatus; hasPending: boolean; reviewRequested: boolean };

const ACTION_LABEL: Record<WorkflowAction, string> = {
  submit: "Submit for review",
  publish: "Publish",
  schedule: "Schedule",
  unschedule: "Cancel schedule",
  unpublish: "Unpublish",
  archive: "Archive",
  reopen: "Reopen as draft",
};
/** Buttons that only change the status; with unsaved edits they save them too. */
const STATUS_ONLY: ReadonlySet<WorkflowAction> = new Set(["unschedule", "unpublish", "archive", "reopen"]);

type Message = { tone: "success" | "error" | "info"; text: string };
type FocusSpot = { field: "title" | "lead" | "tags" | "slug" | "body"; from: number; to: number };
/** What a new article's form passes to the form that replaces it (see `handoffs`). */
type Handoff = { version: number; at: number; fields: Fields; savedKey: string; message: Message | null; slugAuto: boolean; scheduledAt: string; focus: FocusSpot | null };

/**
 * After a new article's first save the page moves from /editor/articles/new to
 * /editor/articles/<id>, and Next mounts that page afresh (now and then with a
 * full page load). Until the move is over the old form keeps its state here —
 * text typed meanwhile, the message, the caret — in memory and in the tab's
 * sessionStorage, and the new form starts from it: the move loses nothing.
 */
const memory = new Map<string, Handoff>();
const storageKey = (id: string) => `lede:editor-handoff:${id}`;
const handoffs = {
  set(id: string, handoff: Handoff) {
    memory.set(id, handoff);
    try {
      sessionStorage.setItem(storageKey(id), JSON.stringify(handoff));
    } catch {
      // Storage full or blocked: the in-memory copy covers the usual, in-page move.
    }
  },
  delete(id: string) {
    memory.delete(id);
    try {
      sessionStorage.removeItem(storageKey(id));
    } catch {
      // As above.
    }
  },
  fromStorage(id: string): Handoff | undefined {
    try {
      const text = sessionStorage.getItem(storageKey(id));
      return text ? (JSON.parse(text) as Handoff) : undefined;
    } catch {
      return undefined;
    }
  },
};
const HANDOFF_FIELDS = ["title", "lead", "tags", "slug"] as const;

/** The tab's saves, one at a time per article (the /new form's, its first save and any behind it, queue as "new"). */
const saves = createSaveQueue();
const queueKey = (id: string | null) => id ?? "new";
/**
 * The last save of each article that got its answer in this tab, for a form that
 * took over while it was out (see `carriesOn`): the predecessor's answer never
 * reaches the new form's state otherwise.
 */
const landedSaves = new Map<string, LandedSave & { server: ServerState; savedKey: string; autosave: boolean }>();

/** The handoff for this article, if it was left moments ago at the version the server now renders. */
function takeHandoff(snapshot: ArticleSnapshot | null, { afterReload = false } = {}): Handoff | null {
  const handoff = snapshot ? (afterReload ? handoffs.fromStorage(snapshot.id) : memory.get(snapshot.id)) : undefined;
  return handoff && handoff.version === snapshot!.version && Date.now() - handoff.at < 30_000 ? handoff : null;
}

export function ArticleEditor({ initial, user, categories: initialCategories, timeZone, siteUrl, revisions }: Props) {
  const router = useRouter();
  const [handoff] = useState(() => takeHandoff(initial.snapshot));
  /** When this form took over from the one before it in this page (`performance.now()`), if it did. */
  const [tookOverAt] = useState(() => (handoff ? performance.now() : null));
  const [fields, setFields] = useState<Fields>(() => handoff?.fields ?? fieldsOf(initial.snapshot));
  const [server, setServer] = useState<ServerState>(() => ({
    id: initial.snapshot?.id ?? null,
    version: initial.snapshot?.version ?? 0,
    status: initial.snapshot?.status ?? "DRAFT",
    hasPending: initial.snapshot?.hasPending ?? false,
    reviewRequested: initial.snapshot?.reviewRequested ?? false,
  }));
  const [savedKey, setSavedKey] = useState(() => handoff?.savedKey ?? keyOf(fieldsOf(initial.snapshot)));
  const [saveStatus, setSaveStatus] = useState<SaveStatus>(() =>
    handoff ? (keyOf(handoff.fields) === handoff.savedKey ? "saved" : "unsaved") : initial.snapshot ? "saved" : "new",
  );
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string[]>>>({});
  const [message, setMessageState] = useState<Message | null>(handoff?.message ?? null);
  /** The message as of now, for a handover that comes before the next render. */
  const messageRef = useRef(message);
  const setMessage = useCallback((next: Message | null) => {
    messageRef.current = next;
    setMessageState(next);
  }, []);
  const [conflict, setConflict] = useState<ArticleSnapshot | null>(null);
  const [busy, setBusy] = useState<"save" | WorkflowAction | null>(null);
  const [scheduledAt, setScheduledAt] = useState(handoff?.scheduledAt ?? initial.scheduledAtLocal);
  const [categories, setCategories] = useState(initialCategories);
  const [slugAuto, setSlugAuto] = useState(() => handoff?.slugAuto ?? (!initial.everPublished && (!initial.snapshot || initial.snapshot.slug === slugify(initial.snapshot.title))));

  // The latest values for callbacks that outlive a render (timers, key handlers, the handoff).
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;
  const savedKeyRef = useRef(savedKey);
  savedKeyRef.current = savedKey;
  const slugAutoRef = useRef(slugAuto);
  slugAutoRef.current = slugAuto;
  /** Set by a new article's first save: the message for the form that takes over. */
  const handingOver = useRef<{ message: Message | null } | null>(null);
  /** This (/new) form has handed over and must not save any more. */
  const retired = useRef(false);
  /** This (/new) form hands over once the saves queued behind its first one have landed. */
  const handoverQueued = useRef(false);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const serverRef = useRef(server);
  serverRef.current = server;
  /** This form's lane in `saves`: the /new form keeps "new" for its life, so a click queued behind its first save waits for it. */
  const lane = useRef(queueKey(initial.snapshot?.id ?? null));
  /** The last save that landed was an autosave (a click on the same text then still records it as "Saved"). */
  const lastSaveWasAutosave = useRef(false);
  /** Set once the article is deleted: nothing may save it again. */
  const deleted = useRef(false);
  const autosaveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const bodyHandle = useRef<RichTextHandle | null>(null);
  const bodyFocus = useRef(handoff?.focus?.field === "body" ? handoff.focus : null);
  /** Body text a handoff brought after a full page load, for when Tiptap is ready. */
  const bodyHtml = useRef<string | null>(null);
  const setBodyHandle = useCallback((handle: RichTextHandle | null) => {
    bodyHandle.current = handle;
    if (handle && bodyHtml.current !== null) {
      handle.setHtml(bodyHtml.current);
      bodyHtml.current = null;
    }
    // The caret was in the body when the previous form handed over.
    if (handle && bodyFocus.current) {
      handle.focusAt(bodyFocus.current.from, bodyFocus.current.to);
      bodyFocus.current = null;
    }
  }, []);

  const dirty = keyOf(fields) !== savedKey;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const conflictRef = useRef(conflict);
  conflictRef.current = conflict;

  const articleRef = { authorId: initial.authorId ?? user.id, status: server.status };
  const editable = isEditableStatus(server.status) && (server.id ? can(user, "article.edit", articleRef) : can(user, "article.create"));
  const actions = useMemo(
    () => availableActions(user, { authorId: initial.authorId ?? user.id, status: server.status, hasPending: server.hasPending || (server.status === "PUBLISHED" && dirty) }),
    [user, initial.authorId, server.status, server.hasPending, dirty],
  );

  function update<K extends keyof Fields>(name: K, value: Fields[K]) {
    setFields((current) => {
      const next = { ...current, [name]: value };
      if (name === "title" && slugAuto) next.slug = slugify(value);
      return next;
    });
    if (name === "slug") setSlugAuto(false);
    if (fieldErrors[name] || (name === "title" && fieldErrors.slug)) setFieldErrors(({ [name]: _removed, ...rest }) => rest);
    if (saveStatus !== "saving") setSaveStatus("unsaved");
  }

  const scheduledAtRef = useRef(scheduledAt);
  scheduledAtRef.current = scheduledAt;

  /**
   * After the first save, until the page has moved: keeps the handoff for the
   * form that takes over current (it reads it while rendering, before this one
   * unmounts), the caret included.
   */
  const writeHandoff = useCallback(() => {
    const id = serverRef.current.id;
    if (!id || !handingOver.current) return;
    const active = document.activeElement;
    const input = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active : null;
    const field = input ? HANDOFF_FIELDS.find((name) => input.id === `field-${name}`) : undefined;
    const body = bodyHandle.current?.selection();
    const focus: FocusSpot | null = input && field ? { field, from: input.selectionStart ?? 0, to: input.selectionEnd ?? 0 } : body ? { field: "body", ...body } : null;
    handoffs.set(id, {
      version: serverRef.current.version,
      at: Date.now(),
      fields: fieldsRef.current,
      savedKey: savedKeyRef.current,
      message: handingOver.current.message,
      slugAuto: slugAutoRef.current,
      scheduledAt: scheduledAtRef.current,
      focus,
    });
  }, []);
  useEffect(() => {
    if (handingOver.current) writeHandoff();
  });

  /** Sends the form (or a status change) now: `send` calls it when the save's turn comes. */
  const sendNow = useCallback(
    async (intent: "save" | WorkflowAction, { autosave, waited }: { autosave: boolean; waited: boolean }): Promise<boolean> => {
      // Handed over to the form on /editor/articles/<id> (or unmounted, or deleted): nothing more from this one.
      if (retired.current || !alive.current || deleted.current) return false;
      // Queued before the save ahead of it came back with a conflict: the conflict panel decides now.
      if (waited && conflictRef.current) return false;
      const landed = serverRef.current.id ? landedSaves.get(serverRef.current.id) : undefined;
      if (carriesOn({ version: serverRef.current.version, tookOverAt }, landed)) {
        // The form this one replaced saved while the page was moving: that is the version to build on.
        serverRef.current = landed.server;
        setServer(landed.server);
        savedKeyRef.current = landed.savedKey;
        setSavedKey(landed.savedKey);
        lastSaveWasAutosave.current = landed.autosave;
      }
      const current = fieldsRef.current;
      const state = serverRef.current;
      // Not `dirtyRef`: that is as of the last render, which may predate the save that just landed.
      const dirty = keyOf(current) !== savedKeyRef.current;
      if (intent === "save" && !stillToSend({ autosave, waited }, { dirty, lastSaveWasAutosave: lastSaveWasAutosave.current })) {
        // The save before this one stored this very text.
        setSaveStatus("saved");
        return true;
      }
      const withContent = !STATUS_ONLY.has(intent as WorkflowAction) || (dirty && isEditableStatus(state.status));
      const values: Record<string, string> = {
        id: state.id ?? "",
        version: String(state.version),
        intent,
        ...(autosave ? { autosave: "1" } : {}),
        ...(withContent ? { ...current, scheduledAt: intent === "schedule" ? scheduledAtRef.current : "" } : {}),
      };
      if (withContent) {
        const check = articleFormSchema.safeParse(values);
        if (!check.success) {
          if (autosave) {
            setSaveStatus("unsaved");
            return false;
          }
          const errors: Partial<Record<string, string[]>> = {};
          for (const issue of check.error.issues) {
            const name = String(issue.path[0] ?? "");
            (errors[name] ??= []).push(issue.message);
          }
          setFieldErrors(errors);
          setMessage({ tone: "error", text: "Please fix the marked fields." });
          setSaveStatus("error");
          return false;
        }
      }
      const formData = new FormData();
      for (const [name, value] of Object.entries(values)) formData.set(name, value);
      const sentKey = keyOf(current);
      const sentAt = performance.now();
      setSaveStatus("saving");
      if (!autosave) setBusy(intent);

      let result: ActionState;
      try {
        result = await (withContent ? saveArticleAction : changeArticleStatusAction)(initialActionState, formData);
      } catch {
        // The request never reached the server (network down, server restarting).
        setSaveStatus("offline");
        if (!autosave) setMessage({ tone: "error", text: "You appear to be offline. Nothing was lost — Lede saves again when the connection is back." });
        return false;
      } finally {
        setBusy(null);
      }

      const data = (result.data ?? {}) as EditorActionData;
      if (result.status === "success" && data.article) {
        const article = data.article;
        const isNew = !state.id;
        const saved: ServerState = { id: article.id, version: article.version, status: article.status, hasPending: article.hasPending, reviewRequested: article.reviewRequested };
        setServer(saved);
        serverRef.current = saved;
        if (withContent) {
          // The server may have settled the slug (generated, made unique); take it unless the user changed it meanwhile.
          const serverSlugDiffers = article.slug !== current.slug;
          // The refs too: a handoff may read them before the next render.
          if (serverSlugDiffers && fieldsRef.current.slug === current.slug) {
            fieldsRef.current = { ...fieldsRef.current, slug: article.slug };
            setFields((latest) => ({ ...latest, slug: article.slug }));
            savedKeyRef.current = keyOf({ ...current, slug: article.slug });
          } else {
            savedKeyRef.current = sentKey;
          }
          setSavedKey(savedKeyRef.current);
          lastSaveWasAutosave.current = autosave;
        }
        landedSaves.set(article.id, { from: state.version, to: article.version, sentAt, server: saved, savedKey: savedKeyRef.current, autosave: lastSaveWasAutosave.current });
        setFieldErrors({});
        setConflict(null);
        const done: Message | null = autosave ? null : { tone: "success", text: result.message ?? "Saved" };
        const settle = () => {
          setSaveStatus(keyOf(fieldsRef.current) === savedKeyRef.current || !withContent ? "saved" : "unsaved");
          if (done) setMessage(done);
        };
        if (isNew) {
          // Next mounts /editor/articles/<id> afresh: this form hands over as it goes
          // (see `handoffs`) and reads "Saving…" until then.
          const handOver = (handedMessage: Message | null) => {
            handoverQueued.current = false;
            handingOver.current = { message: handedMessage };
            retired.current = true;
            if (autosaveTimer.current) clearTimeout(autosaveTimer.current);
            writeHandoff();
            // A navigation, not history.replaceState + refresh: a server action's own re-render of
            // /new arriving meanwhile cannot leave Next's tree half-patched (it reloads the page then).
            router.replace(`/editor/articles/${article.id}`, { scroll: false });
            // Should the new page never arrive (connection lost), this form carries on at the article's address.
            setTimeout(() => {
              if (!alive.current || !handingOver.current) return;
              handingOver.current = null;
              retired.current = false;
              window.history.replaceState(null, "", `/editor/articles/${article.id}`);
              settle();
            }, 8_000);
          };
          if (saves.size(lane.current) > 1) {
            // A click came while this first save was out (Publish during the first autosave): it is
            // queued behind it and runs here first, on the article just created; then the page moves.
            handoverQueued.current = true;
            settle();
            void saves.run(lane.current, async () => handOver(messageRef.current));
          } else {
            handOver(done);
          }
          return true;
        }
        settle();
        // A save that lands while the page is still moving: the taking-over form needs its version.
        writeHandoff();
        // Not while a handover is queued: the page it moves to is rendered fresh anyway.
        if (!autosave && !handoverQueued.current) router.refresh();
        return true;
      }
      if (data.conflict) {
        conflictRef.current = data.conflict;
        setConflict(data.conflict);
        setSaveStatus("conflict");
        setMessage(null);
        return false;
      }
      setFieldErrors(result.fieldErrors ?? {});
      setMessage({ tone: "error", text: result.message ?? "Not saved." });
      setSaveStatus("error");
      return false;
    },
    [router, writeHandoff, tookOverAt, setMessage],
  );

  /**
   * Queues a save behind any other save of the article (see `saves`). What it
   * sends is read when its turn comes, after the save before it has landed: the
   * newest text, version and saved state.
   */
  const send = useCallback(
    (intent: "save" | WorkflowAction, { autosave = false }: { autosave?: boolean } = {}): Promise<boolean> => {
      // A click saves now what the pending autosave would have sent later.
      if (!autosave && autosaveTimer.current) clearTimeout(autosaveTimer.current);
      return saves.run(lane.current, ({ waited }) => sendNow(intent, { autosave, waited }));
    },
    [sendNow],
  );

  // Taking over from the /new form: its caret back where it was. A page restored from history with
  // the /new form at an article's address (Back after the first save) reloads that article instead.
  const mounted = useRef({ snapshot: initial.snapshot, handoff });
  useEffect(() => {
    const { snapshot, handoff: inMemory } = mounted.current;
    if (!snapshot) {
      if (window.location.pathname !== "/editor/articles/new") router.refresh();
      return;
    }
    // After a full page load the handoff is only in sessionStorage, and is applied now, past hydration.
    const handoff = inMemory ?? takeHandoff(snapshot, { afterReload: true });
    if (!handoff) {
      handoffs.delete(snapshot.id);
      return;
    }
    if (!inMemory) {
      fieldsRef.current = handoff.fields;
      savedKeyRef.current = handoff.savedKey;
      setFields(handoff.fields);
      setSavedKey(handoff.savedKey);
      setSaveStatus(keyOf(handoff.fields) === handoff.savedKey ? "saved" : "unsaved");
      setMessage(handoff.message);
      setSlugAuto(handoff.slugAuto);
      setScheduledAt(handoff.scheduledAt);
      if (bodyHandle.current) bodyHandle.current.setHtml(handoff.fields.body);
      else bodyHtml.current = handoff.fields.body;
      if (handoff.focus?.field === "body") bodyFocus.current = handoff.focus;
    }
    const spot = handoff.focus;
    const element = spot && spot.field !== "body" ? document.getElementById(`field-${spot.field}`) : null;
    if (spot && (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) {
      element.focus();
      element.setSelectionRange(spot.from, spot.to);
    }
    // Next may still swap the page once more (a server action's own re-render of /new arriving
    // late): keep handing over for a few seconds, then the move is done.
    handingOver.current = { message: handoff.message };
    const done = setTimeout(() => {
      handingOver.current = null;
      handoffs.delete(snapshot.id);
    }, 5_000);
    return () => clearTimeout(done);
  }, [router]);

  // Autosave after a pause in typing (never over a conflict, never a blank new draft).
  useEffect(() => {
    if (!dirty || !editable || conflict) return;
    if (autosaveTimer.current) clearTimeout(autosaveTimer.current);
    autosaveTimer.current = setTimeout(() => {
      if (dirtyRef.current && !conflictRef.current && !deleted.current && fieldsRef.current.title.trim()) void send("save", { autosave: true });
    }, AUTOSAVE_DELAY_MS);
    return () => {
      if (autosaveTimer.current) clearTimeout(autosaveTimer.current);
    };
  }, [fields, dirty, editable, conflict, send]);

  // Back online: save what is waiting.
  useEffect(() => {
    const onOnline = () => {
      if (dirtyRef.current && !conflictRef.current && !deleted.current) void send("save", { autosave: true });
    };
    const onOffline = () => setSaveStatus((status) => (status === "saved" ? status : "offline"));
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
    };
  }, [send]);

  // Ctrl/Cmd+S saves; leaving with unsaved changes asks first.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        if (editable && !conflictRef.current) void send("save");
      }
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // A retired /new form's text is in the handoff, which survives the reload Next may do.
      if ((dirtyRef.current || saves.busy(lane.current)) && !deleted.current && !retired.current) {
        event.preventDefault();
        event.returnValue = "";
      }
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [editable, send]);

  /** Replaces the form with a saved version (take theirs, restore). */
  function adopt(snapshot: ArticleSnapshot) {
    const next = fieldsOf(snapshot);
    setFields(next);
    setSavedKey(keyOf(next));
    bodyHandle.current?.setHtml(next.body);
    setServer({ id: snapshot.id, version: snapshot.version, status: snapshot.status, hasPending: snapshot.hasPending, reviewRequested: snapshot.reviewRequested });
    serverRef.current = { ...serverRef.current, version: snapshot.version, status: snapshot.status };
    setSlugAuto(false);
    setFieldErrors({});
    setSaveStatus("saved");
  }

  async function keepMine() {
    if (!conflict) return;
    // Overwrite on purpose: save over the version we have now seen.
    serverRef.current = { ...serverRef.current, version: conflict.version, status: conflict.status };
    setServer((state) => ({ ...state, version: conflict.version, status: conflict.status }));
    setConflict(null);
    conflictRef.current = null;
    await send("save");
  }

  function takeTheirs() {
    if (!conflict) return;
    adopt(conflict);
    setConflict(null);
    setMessage({ tone: "info", text: "Loaded their version. Yours is kept in Revisions as “Not saved (conflict)” if you need it back." });
  }

  const statusNote = server.hasPending
    ? server.reviewRequested
      ? "Live. A change is waiting for an editor’s review; readers still see the published text."
      : "Live. Saved changes are not published yet; readers still see the published text."
    : server.status === "PUBLISHED"
      ? "Live on the site. Edits you save wait here until you publish them."
      : server.status === "SCHEDULED" && initial.scheduledAtLabel
        ? `Publishes itself at ${initial.scheduledAtLabel}.`
        : server.status === "IN_REVIEW"
          ? "Waiting for an editor."
          : server.status === "ARCHIVED"
            ? "Archived: read-only until reopened."
            : server.status === "UNPUBLISHED"
              ? "Taken off the site. Readers get a 404."
              : null;

  const error = (name: string) => fieldErrors[name]?.[0];
  const canSchedule = actions.includes("schedule");
  const workflowButtons = actions.filter((action) => action !== "schedule");
  const isAuthorOnly = !can(user, "article.publish", articleRef);

  return (
    <div className="editor">
      {conflict ? (
        <ConflictPanel mine={fields} theirs={conflict} categories={categories} timeZone={timeZone} onKeepMine={keepMine} onTakeTheirs={takeTheirs} />
      ) : null}
      <form
        className="editor__layout"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send("save");
        }}
        aria-label="Article"
      >
        <section className="editor__surface" aria-label="Story">
          <div className="editor__statusbar">
            <div className="row">
              <StatusBadge status={server.status} />
              {server.hasPending ? <span className="badge badge--warning">{server.reviewRequested ? "Change in review" : "Unpublished changes"}</span> : null}
            </div>
            <SaveIndicator status={saveStatus} />
          </div>

          {message ? (
            <div className="editor__message">
              <Notice tone={message.tone === "error" ? "error" : message.tone === "success" ? "success" : "info"}>{message.text}</Notice>
            </div>
          ) : null}

          <div className="editor__field">
            <label className="editor__label" htmlFor="field-title">
              Title
            </label>
            <textarea
              id="field-title"
              name="title"
              className="editor__title"
              rows={1}
              value={fields.title}
              placeholder="Headline"
              readOnly={!editable}
              maxLength={200}
              aria-invalid={error("title") ? true : undefined}
              aria-describedby={error("title") ? "field-title-error" : undefined}
              onChange={(event) => update("title", event.target.value.replace(/\n/g, " "))}
              onKeyDown={(event) => {
                if (event.key === "Enter") event.preventDefault();
              }}
            />
            {error("title") ? (
              <p className="field__error" id="field-title-error">
                {error("title")}
              </p>
            ) : null}
          </div>

          <div className="editor__field">
            <label className="editor__label" htmlFor="field-lead">
              Lead
            </label>
            <textarea
              id="field-lead"
              name="lead"
              className="editor__lead"
              rows={2}
              value={fields.lead}
              placeholder="One or two sentences that tell the story"
              readOnly={!editable}
              aria-invalid={error("lead") ? true : undefined}
              aria-describedby={error("lead") ? "field-lead-error" : undefined}
              onChange={(event) => update("lead", event.target.value)}
            />
            {error("lead") ? (
              <p className="field__error" id="field-lead-error">
                {error("lead")}
              </p>
            ) : null}
          </div>

          <div className="editor__field editor__field--body">
            <span className="editor__label" id="field-body-label">
              Body
            </span>
            <RichTextEditor
              labelId="field-body-label"
              html={fields.body}
              onChange={(html) => update("body", html)}
              invalid={Boolean(error("body"))}
              describedBy={error("body") ? "field-body-error" : undefined}
              readOnly={!editable}
              handleRef={setBodyHandle}
              immediate={handoff !== null}
            />
            <input type="hidden" name="body" value={fields.body} />
            {error("body") ? (
              <p className="field__error" id="field-body-error">
                {error("body")}
              </p>
            ) : null}
          </div>
        </section>

        <aside className="editor__side" aria-label="Publishing and details">
          <section className="card editor__card" aria-labelledby="publish-heading">
            <h2 className="editor__card-title" id="publish-heading">
              Publishing
            </h2>
            {statusNote ? <p className="editor__note">{statusNote}</p> : null}
            {isAuthorOnly && server.status === "PUBLISHED" ? <p className="editor__note muted">An editor publishes changes to live stories.</p> : null}
            {error("scheduledAt") && !canSchedule ? <p className="field__error">{error("scheduledAt")}</p> : null}
            <div className="editor__actions">
              {editable ? (
                <button type="submit" className="btn btn--secondary" disabled={busy !== null}>
                  {busy === "save" ? <span className="btn__spinner" aria-hidden="true" /> : null}
                  Save draft
                </button>
              ) : null}
              {workflowButtons.map((action) => (
                <button
                  key={action}
                  type="button"
                  className={`btn ${action === "publish" ? "btn--primary" : action === "unpublish" || action === "archive" ? "btn--danger" : "btn--secondary"}`}
                  disabled={busy !== null}
                  onClick={() => void send(action)}
                >
                  {busy === action ? <span className="btn__spinner" aria-hidden="true" /> : null}
                  {ACTION_LABEL[action]}
                </button>
              ))}
            </div>
            {canSchedule ? (
              <div className="editor__schedule">
                <div className="field">
                  <label className="field__label" htmlFor="field-scheduledAt">
                    Publish at
                  </label>
                  <input
                    id="field-scheduledAt"
                    name="scheduledAt"
                    type="datetime-local"
                    step={1}
                    className="input"
                    value={scheduledAt}
                    onChange={(event) => {
                      setScheduledAt(event.target.value);
                      if (fieldErrors.scheduledAt) setFieldErrors(({ scheduledAt: _removed, ...rest }) => rest);
                    }}
                    aria-invalid={error("scheduledAt") ? true : undefined}
                    aria-describedby={`field-scheduledAt-hint${error("scheduledAt") ? " field-scheduledAt-error" : ""}`}
                  />
                  <p className="field__hint" id="field-scheduledAt-hint">
                    Site time ({timeZone})
                  </p>
                  {error("scheduledAt") ? (
                    <p className="field__error" id="field-scheduledAt-error">
                      {error("scheduledAt")}
                    </p>
                  ) : null}
                </div>
                <button type="button" className="btn btn--secondary" disabled={busy !== null} onClick={() => void send("schedule")}>
                  {busy === "schedule" ? <span className="btn__spinner" aria-hidden="true" /> : null}
                  Schedule
                </button>
              </div>
            ) : null}
            {server.id ? (
              <PreviewLink
                articleId={server.id}
                beforeCreate={async () => (dirtyRef.current && editable ? send("save") : true)}
                liveUrl={server.status === "PUBLISHED" && initial.liveSlug ? `${siteUrl}/articles/${initial.liveSlug}` : null}
              />
            ) : null}
          </section>

          <section className="card editor__card" aria-labelledby="details-heading">
            <h2 className="editor__card-title" id="details-heading">
              Details
            </h2>
            <div className="form">
              <CategoryField
                value={fields.categoryId}
                options={categories}
                disabled={!editable}
                error={error("categoryId")}
                canCreate={can(user, "taxonomy.manage")}
                onChange={(value) => update("categoryId", value)}
                onCreated={(category) => {
                  setCategories((list) => [...list, category].sort((a, b) => a.name.localeCompare(b.name)));
                  update("categoryId", category.id);
                }}
              />
              <div className="field">
                <label className="field__label" htmlFor="field-tags">
                  Tags
                </label>
                <input
                  id="field-tags"
                  name="tags"
                  className="input"
                  value={fields.tags}
                  readOnly={!editable}
                  placeholder="e.g. Ukraine, US policy"
                  aria-describedby={`field-tags-hint${error("tags") ? " field-tags-error" : ""}`}
                  aria-invalid={error("tags") ? true : undefined}
                  onChange={(event) => update("tags", event.target.value)}
                />
                <p className="field__hint" id="field-tags-hint">
                  Separate with commas; new tags are created on save.
                </p>
                {error("tags") ? (
                  <p className="field__error" id="field-tags-error">
                    {error("tags")}
                  </p>
                ) : null}
              </div>
              <div className="field">
                <label className="field__label" htmlFor="field-slug">
                  Slug
                </label>
                <div className="editor__slug">
                  <span className="editor__slug-prefix" aria-hidden="true">
                    /articles/
                  </span>
                  <input
                    id="field-slug"
                    name="slug"
                    className="input input--mono"
                    value={fields.slug}
                    readOnly={!editable}
                    spellCheck={false}
                    aria-describedby={`field-slug-hint${error("slug") ? " field-slug-error" : ""}`}
                    aria-invalid={error("slug") ? true : undefined}
                    onChange={(event) => update("slug", event.target.value.toLowerCase())}
                  />
                </div>
                <p className="field__hint" id="field-slug-hint">
                  {initial.everPublished ? "Changing it keeps the old address working as a redirect." : slugAuto ? "Follows the title until you edit it." : "Lowercase letters, digits and hyphens."}
                </p>
                {error("slug") ? (
                  <p className="field__error" id="field-slug-error">
                    {error("slug")}
                  </p>
                ) : null}
              </div>
              <dl className="dl">
                <dt>Byline</dt>
                <dd>{initial.authorName}</dd>
              </dl>
            </div>
          </section>

          {server.id ? (
            <RevisionsPanel
              articleId={server.id}
              revisions={revisions}
              timeZone={timeZone}
              canRestore={editable && can(user, "article.restoreRevision", articleRef)}
              version={server.version}
              dirty={dirty}
              onRestored={(snapshot) => {
                adopt(snapshot);
                setMessage({ tone: "success", text: "Revision restored as the newest version" });
                router.refresh();
              }}
              onConflict={(snapshot) => {
                setConflict(snapshot);
                setSaveStatus("conflict");
              }}
            />
          ) : null}

          {server.id && can(user, "article.delete", { ...articleRef, everPublished: initial.everPublished }) ? (
            <DeleteArticle
              articleId={server.id}
              version={server.version}
              title={fields.title}
              live={server.status === "PUBLISHED"}
              beforeDelete={() => {
                deleted.current = true;
                if (autosaveTimer.current) clearTimeout(autosaveTimer.current);
              }}
            />
          ) : null}
        </aside>
      </form>
    </div>
  );
}
