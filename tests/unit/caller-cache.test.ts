import { afterEach, describe, expect, it, vi } from "vitest";
import {
  cachedCaller,
  CALLER_CACHE_MS,
  CALLER_CACHE_RELAYED_MS,
  forgetCallers,
  forgetCallersFromElsewhere,
  rememberCaller,
  setCallerRelay,
} from "@/lib/auth/caller-cache";

describe("the chat hot path's caller cache", () => {
  afterEach(() => {
    setCallerRelay(undefined);
    forgetCallers();
    vi.useRealTimers();
  });

  it("without a relay to the other processes, an entry lives CALLER_CACHE_MS", () => {
    vi.useFakeTimers();
    rememberCaller("k", { id: 1 });
    vi.advanceTimersByTime(CALLER_CACHE_MS - 1);
    expect(cachedCaller("k")).toEqual({ id: 1 });
    vi.advanceTimersByTime(1);
    expect(cachedCaller("k")).toBeUndefined();
  });

  it("with one, it lives longer, and a change is forgotten here and told to the others (once, not echoed)", () => {
    vi.useFakeTimers();
    const told = vi.fn();
    setCallerRelay(told);
    rememberCaller("k", { id: 1 });
    vi.advanceTimersByTime(CALLER_CACHE_RELAYED_MS - 1);
    expect(cachedCaller("k")).toEqual({ id: 1 });
    forgetCallers(); // e.g. a token revoked in this process
    expect(cachedCaller("k")).toBeUndefined();
    expect(told).toHaveBeenCalledTimes(1);
    rememberCaller("k", { id: 2 });
    forgetCallersFromElsewhere(); // heard from another process: forgotten, not relayed again
    expect(cachedCaller("k")).toBeUndefined();
    expect(told).toHaveBeenCalledTimes(1);
  });
});
