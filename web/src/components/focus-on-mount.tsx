import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A region that takes focus when it appears, so keyboard and screen-reader users land on the
 * outcome of what they just did (e.g. "check your e-mail" replacing a form).
 */
export function FocusOnMount({ children, label }: { children: ReactNode; label?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} role="region" aria-label={label} style={{ outline: 'none' }}>
      {children}
    </div>
  );
}
