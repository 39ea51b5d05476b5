// When the article form sends a save: one at a time per article, and only if,
// once its turn comes, there is still something to send. Pure, so the rules are
// unit-tested (tests/unit/editor-saving.test.ts); the form wires them up.

export const AUTOSAVE_DELAY_MS = 2500;

/** What a save learns when its turn comes: whether another save of the article was queued or out when it asked. */
export type Turn = { waited: boolean };

/**
 * Runs the saves of one article one after another, across every form of the
 * tab: after a new article's first save Next mounts the article's form afresh
 * (now and then twice), and the form taking over must not send alongside a
 * request of the one it replaced. Different articles do not wait for each other.
 */
export function createSaveQueue() {
  const lanes = new Map<string, { tail: Promise<void>; size: number }>();
  return {
    run<T>(key: string, task: (turn: Turn) => Promise<T>): Promise<T> {
      const lane = lanes.get(key) ?? { tail: Promise.resolve(), size: 0 };
      lanes.set(key, lane);
      const turn: Turn = { waited: lane.size > 0 };
      lane.size += 1;
      const result = lane.tail.then(() => task(turn));
      const settled = () => {
        lane.size -= 1;
        if (lane.size === 0 && lanes.get(key) === lane) lanes.delete(key);
      };
      // A failed save does not hold up the next one.
      lane.tail = result.then(settled, settled);
      return result;
    },
    /** A save of this article is queued or out (leaving now could lose it). */
    busy(key: string): boolean {
      return (lanes.get(key)?.size ?? 0) > 0;
    },
    /** How many saves of this article are out or queued, the running one included. */
    size(key: string): number {
      return lanes.get(key)?.size ?? 0;
    },
  };
}

/**
 * Whether a save still has something to send when its turn comes. An autosave
 * sends only unsaved text. A click sends even a saved form (it turns the last
 * autosave into a "Saved" revision, or surfaces someone else's newer version),
 * except right behind another save of the same text by hand — a second Ctrl+S
 * while the first was out would only bump the version.
 */
export function stillToSend(save: { autosave: boolean; waited: boolean }, form: { dirty: boolean; lastSaveWasAutosave: boolean }): boolean {
  if (form.dirty) return true;
  if (save.autosave) return false;
  return !save.waited || form.lastSaveWasAutosave;
}

/** A save that got its answer, kept for the form that may take over the article. */
export type LandedSave = { from: number; to: number; sentAt: number };

/**
 * Whether a form should carry on from a save that landed after it mounted: it
 * took over (from the form that sent it) at `tookOverAt`, the save left before
 * that — so its text is in this form already — and started from this form's
 * version. Anything else (an article reopened later, a save from another form
 * still working) keeps this form's version, so a real conflict still shows.
 */
export function carriesOn(form: { version: number; tookOverAt: number | null }, landed: LandedSave | undefined): landed is LandedSave {
  return landed !== undefined && form.tookOverAt !== null && landed.sentAt <= form.tookOverAt && landed.from === form.version && landed.to > form.version;
}
