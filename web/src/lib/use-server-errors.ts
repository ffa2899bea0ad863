import { useCallback, useRef } from 'react';
import { ApiError } from './api-client';

/**
 * Ties a form's inputs to the server's errors: `field(name)` gives an input its name, a ref and
 * the server's message when the error names that field; `focusError` moves focus to that input.
 * Validation rules stay on the server; this only puts its answer in the right place.
 */
export function useServerErrors<F extends string>(fields: readonly F[], error: unknown) {
  const inputs = useRef<Partial<Record<F, HTMLElement | null>>>({});

  const fieldOf = useCallback(
    (failure: unknown): F | undefined =>
      failure instanceof ApiError && failure.field !== undefined && (fields as readonly string[]).includes(failure.field)
        ? (failure.field as F)
        : undefined,
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
      if (name) inputs.current[name]?.focus();
    },
    [fieldOf],
  );

  return { field, focusError, errorField };
}
