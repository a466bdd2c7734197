import { Button, Group, NumberInput, Pill, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../../../lib/i18n";
import { ErrorState } from "../../../../ui/error-state";
import { fetchHolidays } from "../../api/queries";
import { mergeHolidays } from "../../lib/calendar-form";

type Props = {
  holidays: string[];
  onChange: (holidays: string[]) => void;
  defaultCountry: string;
  error: string | undefined;
  disabled?: boolean;
};

function formatDay(date: string, language: string): string {
  const parsed = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(parsed.getTime())
    ? date
    : new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }).format(parsed);
}

/** Closed dates: typed one by one, or prefilled with a country's national holidays of a year (regional ones by hand). */
export function HolidaysEditor({ holidays, onChange, defaultCountry, error, disabled }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [day, setDay] = useState("");
  const [country, setCountry] = useState(defaultCountry);
  const [year, setYear] = useState<number | string>(new Date().getFullYear() + 1);
  // Names are only known for prefilled dates; they help the admin check what was added.
  const [names, setNames] = useState<Record<string, string>>({});
  const prefill = useMutation({
    mutationFn: () => fetchHolidays(country.trim().toUpperCase(), Number(year), language),
    onSuccess: (found) => {
      const added = found.filter((holiday) => !holidays.includes(holiday.date));
      setNames((current) => ({
        ...current,
        ...Object.fromEntries(found.map((holiday) => [holiday.date, holiday.name])),
      }));
      onChange(
        mergeHolidays(
          holidays,
          found.map((holiday) => holiday.date),
        ),
      );
      notifications.show({
        color: found.length === 0 ? "yellow" : "teal",
        message:
          found.length === 0
            ? t("sdAdmin.calendars.noHolidaysFound")
            : t("sdAdmin.calendars.holidaysAdded", { count: added.length }),
      });
    },
  });

  return (
    <Stack gap="xs" data-testid="holidays-editor">
      <Group align="flex-end" gap="xs">
        <TextInput
          label={t("sdAdmin.calendars.country")}
          value={country}
          onChange={(e) => setCountry(e.currentTarget.value.toUpperCase())}
          maxLength={2}
          w={90}
          disabled={disabled}
          data-testid="holidays-country"
        />
        <NumberInput
          label={t("sdAdmin.calendars.year")}
          value={year}
          onChange={setYear}
          min={1970}
          max={2100}
          allowDecimal={false}
          w={110}
          disabled={disabled}
          data-testid="holidays-year"
        />
        <Button
          variant="light"
          onClick={() => prefill.mutate()}
          loading={prefill.isPending}
          disabled={disabled || country.trim().length !== 2 || !Number.isInteger(Number(year))}
          data-testid="prefill-holidays"
        >
          {t("sdAdmin.calendars.prefill")}
        </Button>
      </Group>
      {prefill.error ? <ErrorState error={prefill.error} title={t("sdAdmin.calendars.prefillFailed")} /> : null}
      <Group align="flex-end" gap="xs">
        <TextInput
          type="date"
          label={t("sdAdmin.calendars.addHoliday")}
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
          disabled={disabled}
          data-testid="holiday-date"
        />
        <Button
          variant="default"
          onClick={() => {
            onChange(mergeHolidays(holidays, [day]));
            setDay("");
          }}
          disabled={disabled || day === ""}
        >
          {t("sdAdmin.calendars.add")}
        </Button>
        {holidays.length > 0 ? (
          <Button variant="subtle" color="red" onClick={() => onChange([])} disabled={disabled}>
            {t("sdAdmin.calendars.clearHolidays")}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        {t("sdAdmin.calendars.holidayCount", { count: holidays.length })}
      </Text>
      {holidays.length > 0 ? (
        <Pill.Group data-testid="holiday-list">
          {holidays.map((date) => (
            <Pill
              key={date}
              withRemoveButton={!disabled}
              onRemove={() => onChange(holidays.filter((holiday) => holiday !== date))}
              removeButtonProps={{
                "aria-label": t("sdAdmin.calendars.removeHoliday", { date: formatDay(date, language) }),
              }}
              title={names[date]}
            >
              {names[date] ? `${formatDay(date, language)} · ${names[date]}` : formatDay(date, language)}
            </Pill>
          ))}
        </Pill.Group>
      ) : null}
      {error ? (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
