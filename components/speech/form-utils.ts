// Pure helpers of the Speech forms (unit-tested in tests/unit/speech-forms.test.ts).

export const splitTags = (s: string) =>
  s
    .split(/[,，、;；\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** What is wrong with the ranges, in the order a person would fix it (undefined = fine). */
export function rangeProblem(
  ranges: [number, number][],
  duration: number | undefined,
): { key: "problemOrder" | "problemStart" | "problemEmpty"; index: number } | undefined {
  if (!ranges.length) return { key: "problemEmpty", index: 0 };
  for (const [i, [a, b]] of ranges.entries()) {
    if (!(a >= 0) || !(b > a)) return { key: "problemOrder", index: i };
    if (duration !== undefined && a >= duration) return { key: "problemStart", index: i };
  }
  return undefined;
}
