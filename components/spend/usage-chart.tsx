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
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
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
        <Bar dataKey="value" fill="var(--color-accent)" radius={[4, 4, 0, 0]} maxBarSize={36} />
      </BarChart>
    </ResponsiveContainer>
  );
}
