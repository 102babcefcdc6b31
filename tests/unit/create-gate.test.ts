import { describe, expect, it } from "vitest";
import { Gate } from "@/lib/generations/gate";

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
});
