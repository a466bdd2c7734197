import { TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { isoToWallTime, wallTimeToIso } from "../../lib/zoned-time";

type Props = {
  label: string;
  /** An ISO instant, or "" for none. */
  value: string;
  /** The IANA zone the admin types the time in (the BU's), named in the description. */
  zone: string;
  onChange: (iso: string) => void;
  description?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  testId?: string;
};

/**
 * A date and time typed as wall-clock time in a given zone (not the browser's), kept as an ISO instant. A native
 * datetime-local input: keyboard and screen-reader friendly in every browser.
 */
export function ZonedDateTimeInput({
  label,
  value,
  zone,
  onChange,
  description,
  error,
  required,
  disabled,
  testId,
}: Props) {
  const shown = value ? isoToWallTime(value, zone) : "";
  const [text, setText] = useState(shown);
  // The instant or the zone may change from outside (a "now" button, another BU): show it.
  useEffect(() => setText(shown), [shown]);
  return (
    <TextInput
      type="datetime-local"
      label={label}
      description={description}
      value={text}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        if (next === "") onChange("");
        const iso = wallTimeToIso(next, zone);
        if (iso) onChange(iso);
      }}
      error={error}
      required={required}
      disabled={disabled}
      data-testid={testId}
    />
  );
}
