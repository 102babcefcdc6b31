"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartRow {
  key: string;
  label: string;
  value: number;
  failed: number;
}

/** The usage bars (recharts, loaded only on this page). Colours are the theme's, so both themes read well. */
export default function UsageChart({
  rows,
  valueLabel,
  format,
}: {
  rows: ChartRow[];
  valueLabel: string;
  format: (v: number) => string;
}) {
  // Many bars on a narrow chart (30 or 90 days on a phone) are a few pixels wide: thin gaps keep them readable
  // and square tops, since a 4 px radius on a 4 px bar draws a pointed sliver.
  const dense = rows.length > 14;
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={dense ? "12%" : "20%"}>
        <CartesianGrid stroke="var(--color-border)" vertical={false} />
        <XAxis
          dataKey="label"
          tick={{ fill: "var(--color-muted)", fontSize: 11 }}
          tickLine={false}
          axisLine={{ stroke: "var(--color-border)" }}
          interval="preserveStartEnd"
          minTickGap={12}
        />
        <YAxis
          width={56}
          tick={{ fill: "var(--color-muted)", fontSize: 11 }}
          tickLine={false}
          axisLine={false}
          tickFormatter={(v: number) => format(v)}
        />
        <Tooltip
          cursor={{ fill: "var(--color-surface-2)" }}
          contentStyle={{
            background: "var(--color-surface)",
            border: "1px solid var(--color-border)",
            borderRadius: 8,
            color: "var(--color-fg)",
            fontSize: 12,
          }}
          formatter={(v) => [format(Number(v)), valueLabel]}
        />
        <Bar
          dataKey="value"
          fill="var(--color-accent)"
          radius={dense ? [1, 1, 0, 0] : [4, 4, 0, 0]}
          maxBarSize={36}
          minPointSize={(v) => (Number(v) > 0 ? 2 : 0)}
          // No grow-in animation: a screenshot or a slow phone caught it mid-way, a sliver of the real bar.
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
