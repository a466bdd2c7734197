import { Stack, Text, VisuallyHidden } from "@mantine/core";

export type ChartBar = { key: string; label: string; value: number; valueLabel: string; color: string };

type Props = { title: string; bars: ChartBar[]; max: number; labelHeader: string; valueHeader: string; emptyLabel: string; testId?: string };

const WIDTH = 640;
const ROW = 28;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 110;
const BAR_WIDTH = WIDTH - LABEL_WIDTH - VALUE_WIDTH;

const clip = (text: string, length = 24) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/**
 * Horizontal bars drawn as plain SVG. The drawing is hidden from assistive technology, which reads the same numbers
 * from a visually hidden table instead.
 */
export function BarChart({ title, bars, max, labelHeader, valueHeader, emptyLabel, testId }: Props) {
  const height = Math.max(bars.length, 1) * ROW;
  const scale = max > 0 ? BAR_WIDTH / max : 0;
  return (
    <Stack gap={4} component="figure" m={0} data-testid={testId}>
      <Text component="figcaption" fw={600} size="sm">
        {title}
      </Text>
      {bars.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyLabel}
        </Text>
      ) : (
        <>
          <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" aria-hidden="true" style={{ maxWidth: WIDTH, fontFamily: "inherit" }}>
            {bars.map((bar, index) => {
              const y = index * ROW;
              const width = Math.max(bar.value * scale, bar.value > 0 ? 2 : 0);
              return (
                <g key={bar.key} data-testid={testId ? `${testId}-bar-${bar.key}` : undefined}>
                  <title>{`${bar.label}: ${bar.valueLabel}`}</title>
                  <text x={LABEL_WIDTH - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="central" fontSize={12} fill="currentColor">
                    {clip(bar.label)}
                  </text>
                  <rect x={LABEL_WIDTH} y={y + 5} width={BAR_WIDTH} height={ROW - 10} rx={3} fill="var(--mantine-color-default-border)" opacity={0.35} />
                  <rect x={LABEL_WIDTH} y={y + 5} width={width} height={ROW - 10} rx={3} fill={bar.color} />
                  <text x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + ROW / 2} dominantBaseline="central" fontSize={12} fill="currentColor">
                    {bar.valueLabel}
                  </text>
                </g>
              );
            })}
          </svg>
          <VisuallyHidden>
            <table>
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{labelHeader}</th>
                  <th scope="col">{valueHeader}</th>
                </tr>
              </thead>
              <tbody>
                {bars.map((bar) => (
                  <tr key={bar.key}>
                    <th scope="row">{bar.label}</th>
                    <td>{bar.valueLabel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </VisuallyHidden>
        </>
      )}
    </Stack>
  );
}
