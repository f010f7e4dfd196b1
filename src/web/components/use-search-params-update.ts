import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * The page's query string as its state: `update({ view: 'week', day: null })` sets or clears keys
 * and keeps the others, so filters and the shown range survive a reload and can be shared as a link.
 */
export function useSearchParamsUpdate() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | null>, replace = false) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace },
      ),
    [setParams],
  );
  return [params, update] as const;
}
