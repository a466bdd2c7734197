import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

export type UrlFilters<K extends string> = Record<K, string>;

/** List filters live in the URL so a filtered view can be bookmarked, shared and restored with Back. */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
): [UrlFilters<K>, (patch: Partial<Record<K, string | null | undefined>>) => void] {
  const [params, setParams] = useSearchParams();
  const signature = keys.map((key) => `${key}=${params.get(key) ?? ""}`).join("&");
  const values = useMemo(
    () => Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ""])) as UrlFilters<K>,
    // The signature captures every value read, so the object only changes when a filter does.
    [signature],
  );
  const update = useCallback(
    (patch: Partial<Record<K, string | null | undefined>>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch) as [K, string | null | undefined][]) {
            if (value === null || value === undefined || value === "") next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [values, update];
}
