import { Box, Stack, Text, VisuallyHidden } from "@mantine/core";

export type ChartBar = { key: string; label: string; value: number; valueLabel: string; color: string };

type Props = {
  title: string;
  bars: ChartBar[];
  max: number;
  labelHeader: string;
  valueHeader: string;
  emptyLabel: string;
  testId?: string;
};

const ROW_STYLE = {
  display: "grid",
  gridTemplateColumns: "minmax(4rem, 35%) 1fr minmax(4.5rem, auto)",
  alignItems: "center",
  gap: "0.5rem",
} as const;

/**
 * Horizontal bars, each a small SVG sized in percent so labels keep the page's type size at any width. The bars are
 * hidden from assistive technology, which reads the same numbers from a visually hidden table instead.
 */
export function BarChart({ title, bars, max, labelHeader, valueHeader, emptyLabel, testId }: Props) {
  return (
    <Stack gap={6} component="figure" m={0} data-testid={testId}>
      <Text component="figcaption" fw={600} size="sm">
        {title}
      </Text>
      {bars.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyLabel}
        </Text>
      ) : (
        <>
          <Stack gap={4} aria-hidden="true">
            {bars.map((bar) => {
              const share = max > 0 ? Math.min(Math.max(bar.value / max, 0), 1) : 0;
              return (
                <Box
                  key={bar.key}
                  style={ROW_STYLE}
                  title={`${bar.label}: ${bar.valueLabel}`}
                  data-testid={testId ? `${testId}-bar-${bar.key}` : undefined}
                >
                  <Text size="xs" ta="right" truncate>
                    {bar.label}
                  </Text>
                  <svg width="100%" height="14" role="presentation">
                    <rect
                      x="0"
                      y="0"
                      width="100%"
                      height="14"
                      rx="3"
                      fill="var(--mantine-color-default-border)"
                      opacity={0.5}
                    />
                    {/* A sliver for small non-zero values, so "some" never looks like "none". */}
                    <rect
                      x="0"
                      y="0"
                      width={`${share > 0 ? Math.max(share * 100, 1) : 0}%`}
                      height="14"
                      rx="3"
                      fill={bar.color}
                    />
                  </svg>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                    {bar.valueLabel}
                  </Text>
                </Box>
              );
            })}
          </Stack>
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
