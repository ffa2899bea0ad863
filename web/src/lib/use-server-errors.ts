import { useCallback, useRef } from 'react';
import { ApiError } from './api-client';

/**
 * The form field a server error is about: the field itself when the form has an input of that
 * name, else the nearest enclosing one — `eligibility.visas_accepted[0]` lands on the
 * `eligibility.visas_accepted` checkbox group, `fees[1]` on whatever the form calls `fees[1]`
 * or `fees`.
 */
export function nearestField<F extends string>(name: string, fields: readonly F[]): F | undefined {
  let candidate = name;
  for (;;) {
    if ((fields as readonly string[]).includes(candidate)) return candidate as F;
    const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
    if (cut <= 0) return undefined;
    candidate = candidate.slice(0, cut);
  }
}

const FOCUSABLE = 'input:not([type=hidden]), select, textarea, button';

/**
 * Ties a form's inputs to the server's errors: `field(name)` gives an input its name, a ref and
 * the server's message when the error names that field (or something inside it, see
 * nearestField); `focusError` moves focus to that input, or to the first control inside a group.
 * Validation rules stay on the server; this only puts its answer in the right place.
 */
export function useServerErrors<F extends string>(fields: readonly F[], error: unknown) {
  const inputs = useRef<Partial<Record<F, HTMLElement | null>>>({});

  const fieldOf = useCallback(
    (failure: unknown): F | undefined =>
      failure instanceof ApiError && failure.field !== undefined ? nearestField(failure.field, fields) : undefined,
    [fields],
  );

  const errorField = fieldOf(error);

  const field = (name: F) => ({
    name,
    ref: (element: HTMLElement | null) => {
      inputs.current[name] = element;
    },
    error: errorField === name && error instanceof ApiError ? error.message : undefined,
  });

  const focusError = useCallback(
    (failure: unknown) => {
      const name = fieldOf(failure);
      const element = name ? inputs.current[name] : undefined;
      if (!element) return;
      const target = element.matches(FOCUSABLE) ? element : element.querySelector<HTMLElement>(FOCUSABLE);
      target?.focus();
    },
    [fieldOf],
  );

  return { field, focusError, errorField };
}
