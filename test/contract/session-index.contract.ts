import { describe, expect, it } from "vitest";
import type { HistoryEntryMeta, SessionIndex, SessionRecord } from "../../src/sessions/ports";

/** The behaviour every SessionIndex must have: run against the Durable Object ledger and the in-memory one. */
export function sessionIndexContract(name: string, makeIndex: () => Promise<SessionIndex> | SessionIndex) {
  const record = (id: string): SessionRecord => ({
    id,
    title: id,
    sourceName: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    position: 0,
    savedPosition: null,
    top: 0,
    version: 0,
    baselineGeneration: 0,
    sourceEtag: null,
    readOnly: false,
    autoSave: false,
    autoSaveError: null,
  });
  const entry = (object: string, requestId: string | null = null): HistoryEntryMeta => ({
    position: 0,
    object,
    tool: "test",
    description: `edit ${object}`,
    at: "2026-01-01T00:00:01.000Z",
    size: 10,
    requestId,
    requestDigest: requestId === null ? null : `digest-${requestId}`,
  });
  const move = (id: string) => ({ id, tool: "document_undo", digest: `digest-${id}` });
  const AT = "2026-01-01T00:00:02.000Z";

  async function withEntries(index: SessionIndex, id: string, n: number) {
    await index.add(record(id));
    let version = 0;
    for (let i = 1; i <= n; i++) {
      const outcome = await index.commit(id, version, entry(`wal/${i}`), `{"n":${i}}`, AT);
      if (outcome.status !== "committed") throw new Error(`commit ${i} was ${outcome.status}`);
      version = outcome.head.version;
    }
    return version;
  }

  describe(`SessionIndex contract: ${name}`, () => {
    it("appends entries at the next position and bumps the version", async () => {
      const index = await makeIndex();
      const version = await withEntries(index, "a", 3);
      const head = (await index.get("a"))!;
      expect(head).toMatchObject({ position: 3, top: 3, version });
      const page = await index.history("a", 0, 10);
      expect(page!.entries.map((e) => [e.position, e.object])).toEqual([
        [1, "wal/1"],
        [2, "wal/2"],
        [3, "wal/3"],
      ]);
    });

    it("refuses a commit from a stale version and reports the current head", async () => {
      const index = await makeIndex();
      await withEntries(index, "b", 1);
      const outcome = await index.commit("b", 0, entry("wal/late"), null, AT);
      expect(outcome.status).toBe("conflict");
      expect(outcome.head.position).toBe(1);
      expect((await index.history("b", 0, 10))!.total).toBe(1);
    });

    it("returns the first result for a repeated request id and writes nothing", async () => {
      const index = await makeIndex();
      await index.add(record("c"));
      const first = await index.commit("c", 0, entry("wal/1", "req-1"), '{"ok":1}', AT);
      expect(first.status).toBe("committed");
      const again = await index.commit("c", first.head.version, entry("wal/2", "req-1"), '{"ok":2}', AT);
      const earlier = { kind: "edit", position: 1, result: '{"ok":1}', state: "in_history", digest: "digest-req-1", tool: "test" };
      expect(again).toMatchObject({ status: "duplicate", request: earlier });
      expect((await index.get("c"))!.top).toBe(1);
      expect(await index.findRequest("c", "req-1")).toMatchObject(earlier);
      expect(await index.findRequest("c", "req-unknown")).toBeNull();
    });

    it("remembers a request id whose entry was undone and discarded, and one compacted by a snapshot", async () => {
      const index = await makeIndex();
      await index.add(record("r"));
      const first = await index.commit("r", 0, entry("wal/1", "keep"), '{"n":1}', AT);
      const second = await index.commit("r", first.head.version, entry("wal/2", "gone"), '{"n":2}', AT);
      const undone = await index.move("r", second.head.version, 1, AT);
      const branch = await index.commit("r", undone.head.version, entry("wal/3"), null, "2026-01-01T00:00:09.000Z");
      expect(await index.findRequest("r", "gone")).toMatchObject({
        kind: "edit",
        position: 2,
        state: "discarded",
        retiredAt: "2026-01-01T00:00:09.000Z",
      });
      // A commit reusing a retired id writes nothing.
      const retry = await index.commit("r", branch.head.version, entry("wal/4", "gone"), null, AT);
      expect(retry).toMatchObject({ status: "duplicate", request: { state: "discarded" } });
      expect((await index.get("r"))!.top).toBe(2);
      await index.rebase("r", branch.head.version, 1, false, AT);
      expect(await index.findRequest("r", "keep")).toMatchObject({ state: "compacted", position: 1, result: '{"n":1}' });
    });

    it("keeps the saved position through a snapshot, renumbered (negative once compacted)", async () => {
      const index = await makeIndex();
      await index.add({ ...record("s"), savedPosition: 0 });
      let version = 0;
      for (let i = 1; i <= 3; i++) {
        version = (await index.commit("s", version, entry(`wal/${i}`), null, AT)).head.version;
        if (i === 1) await index.update("s", { savedPosition: 1 }); // saved after the first edit
      }
      const rebased = await index.rebase("s", version, 1, false, AT);
      expect(rebased.head).toMatchObject({ position: 0, savedPosition: -2 });
    });

    it("moves the cursor within 0..top and drops the redo branch on the next commit", async () => {
      const index = await makeIndex();
      const version = await withEntries(index, "d", 3);
      const moved = await index.move("d", version, 1, AT);
      expect(moved).toMatchObject({ status: "moved", head: { position: 1, top: 3 } });
      expect((await index.move("d", moved.head.version, 4, AT)).status).toBe("conflict");
      const outcome = await index.commit("d", moved.head.version, entry("wal/new"), null, AT);
      expect(outcome.status).toBe("committed");
      if (outcome.status !== "committed") return;
      expect(outcome.dropped.sort()).toEqual(["wal/2", "wal/3"]);
      expect(outcome.head).toMatchObject({ position: 2, top: 2 });
    });

    it("moves once for a request id, and reports the first move to a retry", async () => {
      const index = await makeIndex();
      const version = await withEntries(index, "m", 3);
      const first = await index.move("m", version, 1, AT, move("undo-1"));
      expect(first).toMatchObject({ status: "moved", head: { position: 1 } });
      // The retry computes its target from the head it sees now (one step further back); it must not move again.
      const retry = await index.move("m", first.head.version, 0, AT, move("undo-1"));
      expect(retry).toMatchObject({ status: "duplicate", request: { kind: "move", from: 3, to: 1 }, head: { position: 1 } });
      expect((await index.get("m"))!.position).toBe(1);
      expect(await index.move("m", first.head.version, 0, AT, move("undo-2"))).toMatchObject({ status: "moved", head: { position: 0 } });
    });

    it("plans a load from the nearest checkpoint at or below the target", async () => {
      const index = await makeIndex();
      await withEntries(index, "e", 5);
      expect(await index.addCheckpoint("e", { position: 3, object: "cp/3", size: 100 }, "wal/3")).toBe(true);
      expect(await index.addCheckpoint("e", { position: 4, object: "cp/4", size: 100 }, "wal/other")).toBe(false);
      const plan = (await index.loadPlan("e"))!;
      expect(plan.checkpoint?.object).toBe("cp/3");
      expect(plan.entries.map((e) => e.position)).toEqual([4, 5]);
      const early = (await index.loadPlan("e", 2))!;
      expect(early.checkpoint).toBeNull();
      expect(early.entries.map((e) => e.position)).toEqual([1, 2]);
      expect(await index.loadPlan("e", 6)).toBeNull();
    });

    it("rebases onto a new baseline, renumbering kept redo entries", async () => {
      const index = await makeIndex();
      const version = await withEntries(index, "f", 4);
      const moved = await index.move("f", version, 2, AT);
      const outcome = await index.rebase("f", moved.head.version, 1, false, AT);
      expect(outcome.status).toBe("rebased");
      if (outcome.status !== "rebased") return;
      expect(outcome.dropped.sort()).toEqual(["wal/1", "wal/2"]);
      expect(outcome.head).toMatchObject({ position: 0, top: 2, baselineGeneration: 1 });
      const page = (await index.history("f", 0, 10))!;
      expect(page.entries.map((e) => [e.position, e.object])).toEqual([
        [1, "wal/3"],
        [2, "wal/4"],
      ]);
    });

    it("rebases and discards redo when asked", async () => {
      const index = await makeIndex();
      const version = await withEntries(index, "g", 3);
      const moved = await index.move("g", version, 1, AT);
      const outcome = await index.rebase("g", moved.head.version, 1, true, AT);
      if (outcome.status !== "rebased") throw new Error(outcome.status);
      expect(outcome.dropped.sort()).toEqual(["wal/1", "wal/2", "wal/3"]);
      expect(outcome.head).toMatchObject({ position: 0, top: 0 });
      expect((await index.history("g", 0, 10))!.total).toBe(0);
    });

    it("removes a session with its ledger", async () => {
      const index = await makeIndex();
      await withEntries(index, "h", 2);
      expect((await index.remove("h"))?.id).toBe("h");
      expect(await index.get("h")).toBeNull();
      expect(await index.history("h", 0, 10)).toBeNull();
      expect(await index.remove("h")).toBeNull();
    });
  });
}
