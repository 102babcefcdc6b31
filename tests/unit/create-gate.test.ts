import { describe, expect, it } from "vitest";
import { Gate, loopLoad, paceWhileBusy } from "@/lib/generations/gate";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("Gate (creates' turns)", () => {
  it("runs at most `size` at once, the rest in the order they came, and frees a turn on a throw", async () => {
    const gate = new Gate(() => 2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const job = (i: number, fail = false) =>
      gate.run(async () => {
        running++;
        peak = Math.max(peak, running);
        order.push(i);
        await new Promise<void>((go) => releases.push(go));
        running--;
        if (fail) throw new Error(`job ${i}`);
        return i;
      });
    const all = [job(0, true), job(1), job(2), job(3), job(4)];
    await tick();
    expect(order).toEqual([0, 1]);
    expect(gate.queued).toBe(3);
    releases.shift()!(); // 0 ends by throwing: its turn goes to 2
    await expect(all[0]).rejects.toThrow("job 0");
    await tick();
    expect(order).toEqual([0, 1, 2]);
    while (order.length < 5 || releases.length) {
      releases.shift()?.();
      await tick();
    }
    expect(await Promise.all(all.slice(1))).toEqual([1, 2, 3, 4]);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(gate.queued).toBe(0);
  });

  it("runs its pace at the start of a paced turn (and only there)", async () => {
    const paced: number[] = [];
    let n = 0;
    const gate = new Gate(
      () => 1,
      async () => {
        paced.push(n);
        await tick();
      },
    );
    await Promise.all([gate.run(async () => n++, true), gate.run(async () => n++, true), gate.run(async () => n++)]);
    expect(paced).toEqual([0, 1]); // the second paced after the first ran, before its own work; the third not at all
    expect(n).toBe(3);
  });
});

// Bulk creates yield while the server's thread is saturated (bench:engine: a saturated loop takes one new connection
// per turn, so TD's callbacks waited in a full listen queue). Wide bounds: this checks behaviour, not speed.
describe("paceWhileBusy", () => {
  /** Keeps the thread busy ~90 % of the time until stopped. */
  function spin() {
    const t = setInterval(() => {
      const end = performance.now() + 18;
      while (performance.now() < end) {
        /* busy */
      }
    }, 20);
    return () => clearInterval(t);
  }

  it("waits while the thread is busier than the limit, but never longer than limitMs", async () => {
    const stop = spin();
    try {
      await new Promise((r) => setTimeout(r, 300)); // a busy window to measure
      expect(loopLoad()).toBeGreaterThan(0.6);
      const t0 = performance.now();
      await paceWhileBusy(0.5, 400);
      const waited = performance.now() - t0;
      expect(waited).toBeGreaterThanOrEqual(350);
      expect(waited).toBeLessThan(3000);
    } finally {
      stop();
    }
  });

  it("does not wait on an idle thread, nor when pacing is off", async () => {
    await new Promise((r) => setTimeout(r, 250)); // an idle window
    const t0 = performance.now();
    await paceWhileBusy(0.5, 5000);
    expect(performance.now() - t0).toBeLessThan(1000);
    const stop = spin();
    try {
      await new Promise((r) => setTimeout(r, 300));
      const t1 = performance.now();
      await paceWhileBusy(1, 5000); // 1 = off
      expect(performance.now() - t1).toBeLessThan(1000);
    } finally {
      stop();
    }
  });
});
