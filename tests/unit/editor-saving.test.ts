import { describe, expect, it } from "vitest";
import { carriesOn, createSaveQueue, stillToSend } from "@/components/newsroom/editor/saving";

/** A promise the test settles by hand: a request that is out until it says so. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createSaveQueue", () => {
  it("runs one article's saves one after another, in order, and tells the later ones they waited", async () => {
    const queue = createSaveQueue();
    const first = deferred();
    const log: string[] = [];
    const a = queue.run("article", async (turn) => {
      log.push(`first starts, waited=${turn.waited}`);
      await first.promise;
      log.push("first lands");
      return 1;
    });
    const b = queue.run("article", async (turn) => {
      log.push(`second starts, waited=${turn.waited}`);
      return 2;
    });
    await flush();
    expect(log).toEqual(["first starts, waited=false"]);
    expect(queue.busy("article")).toBe(true);
    // The running save and the one behind it: what a first save checks before handing over.
    expect(queue.size("article")).toBe(2);

    first.resolve();
    expect(await Promise.all([a, b])).toEqual([1, 2]);
    expect(log).toEqual(["first starts, waited=false", "first lands", "second starts, waited=true"]);
    expect(queue.busy("article")).toBe(false);
    expect(queue.size("article")).toBe(0);
  });

  it("keeps going after a failed save, and passes the failure to its caller", async () => {
    const queue = createSaveQueue();
    const failed = queue.run("article", async () => {
      throw new Error("offline");
    });
    const next = queue.run("article", async (turn) => turn.waited);
    await expect(failed).rejects.toThrow("offline");
    expect(await next).toBe(true);
    expect(queue.busy("article")).toBe(false);
  });

  it("does not hold up another article's saves", async () => {
    const queue = createSaveQueue();
    const out = deferred();
    void queue.run("one", () => out.promise);
    const other = await queue.run("two", async (turn) => turn.waited);
    expect(other).toBe(false);
    expect(queue.busy("one")).toBe(true);
    expect(queue.busy("two")).toBe(false);
    out.resolve();
  });

  it("starts a save at once, as not having waited, once the one before it has settled", async () => {
    const queue = createSaveQueue();
    await queue.run("article", async () => undefined);
    expect(await queue.run("article", async (turn) => turn.waited)).toBe(false);
  });
});

describe("stillToSend", () => {
  const clean = { dirty: false, lastSaveWasAutosave: false };
  it("sends unsaved text, whatever kind of save and however it got its turn", () => {
    for (const autosave of [true, false]) for (const waited of [true, false]) expect(stillToSend({ autosave, waited }, { ...clean, dirty: true })).toBe(true);
  });
  it("drops an autosave that finds the text saved (a manual save got there first)", () => {
    expect(stillToSend({ autosave: true, waited: true }, clean)).toBe(false);
    expect(stillToSend({ autosave: true, waited: false }, clean)).toBe(false);
  });
  it("drops a click right behind a manual save of the same text (Ctrl+S pressed twice)", () => {
    expect(stillToSend({ autosave: false, waited: true }, clean)).toBe(false);
  });
  it("sends a click behind an autosave of the same text, so it becomes a 'Saved' revision", () => {
    expect(stillToSend({ autosave: false, waited: true }, { dirty: false, lastSaveWasAutosave: true })).toBe(true);
  });
  it("sends a click on a saved form when nothing else was going on", () => {
    expect(stillToSend({ autosave: false, waited: false }, clean)).toBe(true);
  });
});

describe("carriesOn", () => {
  // The moving form sent v1 → v2 at t=100; the form taking over mounted at v1 at t=150.
  const landed = { from: 1, to: 2, sentAt: 100 };
  const tookOver = { version: 1, tookOverAt: 150 };
  it("takes the version of the save the previous form sent before this one took over", () => {
    expect(carriesOn(tookOver, landed)).toBe(true);
  });
  it("keeps its own version without such a save", () => {
    expect(carriesOn(tookOver, undefined)).toBe(false);
  });
  it("keeps its own version when it did not take over (an article opened again, maybe from a stale cache)", () => {
    expect(carriesOn({ version: 1, tookOverAt: null }, landed)).toBe(false);
  });
  it("keeps its own version for a save sent after it took over: that text is not in this form", () => {
    expect(carriesOn(tookOver, { ...landed, sentAt: 200 })).toBe(false);
  });
  it("keeps its own version for a save that started from another version, or one it already has", () => {
    expect(carriesOn(tookOver, { from: 0, to: 1, sentAt: 100 })).toBe(false);
    expect(carriesOn({ version: 2, tookOverAt: 150 }, landed)).toBe(false);
  });
});
