import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import type { Ref } from 'react';

type Props = PasswordInputProps & { ref?: Ref<HTMLInputElement> };

/**
 * Mantine's PasswordInput with what it leaves out: `aria-invalid` when there is an error (it only
 * sets a data attribute), and a show/hide button that keyboard users can reach.
 */
export function PasswordField({ error, ...props }: Props) {
  return <PasswordInput visibilityToggleFocusable aria-invalid={error ? true : undefined} error={error} {...props} />;
}
