import { ActionIcon, Button, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { WEEKDAYS, type Weekday } from "@atende/domain";
import { weekdayKey } from "../../../../lib/i18n-keys";
import { copyDay, type IntervalValue, type WeekValue } from "../../lib/calendar-form";

type Props = {
  hours: WeekValue;
  onChange: (hours: WeekValue) => void;
  errorOf: (path: string) => string | undefined;
  disabled?: boolean;
};

const WORKDAYS: Weekday[] = ["tue", "wed", "thu", "fri"];

/**
 * Opening intervals per weekday, several a day (a lunch break splits the day). Times are typed as HH:MM text: the
 * end may be 24:00 (to midnight), which a native time input cannot hold.
 */
export function WeeklyHoursEditor({ hours, onChange, errorOf, disabled }: Props) {
  const { t } = useTranslation();
  const setDay = (day: Weekday, intervals: IntervalValue[]) => onChange({ ...hours, [day]: intervals });

  return (
    <Stack gap="xs" data-testid="weekly-hours">
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t("sdAdmin.calendars.hoursHint")}
        </Text>
        <Button
          size="xs"
          variant="subtle"
          onClick={() => onChange(copyDay(hours, "mon", WORKDAYS))}
          disabled={disabled}
        >
          {t("sdAdmin.calendars.copyMonday")}
        </Button>
      </Group>
      <Table verticalSpacing={4}>
        <Table.Tbody>
          {WEEKDAYS.map((day) => {
            const dayName = t(weekdayKey(day));
            const dayError = errorOf(`definition.hours.${day}`);
            return (
              <Table.Tr key={day} data-testid={`hours-${day}`}>
                <Table.Th scope="row" w={70} style={{ verticalAlign: "top", paddingTop: 10 }}>
                  {dayName}
                </Table.Th>
                <Table.Td>
                  <Stack gap={4}>
                    {hours[day].length === 0 ? (
                      <Text size="sm" c="dimmed" py={4}>
                        {t("sdAdmin.calendars.closed")}
                      </Text>
                    ) : null}
                    {hours[day].map((interval, index) => {
                      const path = `definition.hours.${day}.${index}`;
                      const error = errorOf(path);
                      const set = (patch: Partial<IntervalValue>) =>
                        setDay(
                          day,
                          hours[day].map((item, i) => (i === index ? { ...item, ...patch } : item)),
                        );
                      const position = { day: dayName, n: index + 1 };
                      return (
                        <Stack key={index} gap={2}>
                          <Group gap={6} wrap="nowrap">
                            <TextInput
                              aria-label={t("sdAdmin.calendars.intervalStart", position)}
                              placeholder="09:00"
                              value={interval.start}
                              onChange={(e) => set({ start: e.currentTarget.value })}
                              maxLength={5}
                              w={80}
                              error={Boolean(error)}
                              disabled={disabled}
                            />
                            <Text aria-hidden>–</Text>
                            <TextInput
                              aria-label={t("sdAdmin.calendars.intervalEnd", position)}
                              placeholder="18:00"
                              value={interval.end}
                              onChange={(e) => set({ end: e.currentTarget.value })}
                              maxLength={5}
                              w={80}
                              error={Boolean(error)}
                              disabled={disabled}
                            />
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              onClick={() =>
                                setDay(
                                  day,
                                  hours[day].filter((_, i) => i !== index),
                                )
                              }
                              aria-label={t("sdAdmin.calendars.removeInterval", position)}
                              disabled={disabled}
                            >
                              ×
                            </ActionIcon>
                          </Group>
                          {error ? (
                            <Text size="xs" c="red">
                              {error}
                            </Text>
                          ) : null}
                        </Stack>
                      );
                    })}
                    {dayError && !hours[day].some((_, i) => errorOf(`definition.hours.${day}.${i}`)) ? (
                      <Text size="xs" c="red">
                        {dayError}
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td w={130} style={{ verticalAlign: "top" }}>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setDay(day, [...hours[day], { start: "", end: "" }])}
                    aria-label={t("sdAdmin.calendars.addIntervalTo", { day: dayName })}
                    disabled={disabled}
                  >
                    {t("sdAdmin.calendars.addInterval")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
