// Seeds for a variation batch (unit-tested in tests/unit/image-seeds.test.ts).

import { SEED_MAX } from "@/lib/catalog/limits";

const randomSeed = () => Math.floor(Math.random() * SEED_MAX);

/** N seeds for a batch: from a fixed seed upwards (reproducible), else random. */
export function seedsFor(count: number, fixed: number | undefined, random = randomSeed): (number | undefined)[] {
  if (count <= 1) return [fixed];
  return Array.from({ length: count }, (_, i) => (fixed !== undefined ? (fixed + i) % (SEED_MAX + 1) : random()));
}
