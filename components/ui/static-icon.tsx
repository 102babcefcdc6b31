// A few icons as plain SVG, for the error and not-found boundaries that every page loads: lucide-react is a
// client library, and a boundary that imports it ships its own copy of lucide's runtime in its own chunk.
// The paths are lucide's (ISC licence), drawn the same way as the rest of the studio's icons.

const PATHS = {
  compass: [
    "m16.24 7.76-1.804 5.411a2 2 0 0 1-1.265 1.265L7.76 16.24l1.804-5.411a2 2 0 0 1 1.265-1.265z",
    "M22 12a10 10 0 1 1-20 0 10 10 0 0 1 20 0",
  ],
  "arrow-right": ["M5 12h14", "m12 5 7 7-7 7"],
  "triangle-alert": [
    "m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3",
    "M12 9v4",
    "M12 17h.01",
  ],
} as const;

export function StaticIcon({ name, className }: { name: keyof typeof PATHS; className?: string }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={className}
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
