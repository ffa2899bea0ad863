import { Anchor, createTheme, type CSSVariablesResolver } from '@mantine/core';

// Shade 8 of indigo keeps white button text and link text above WCAG AA contrast (4.5:1).
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  defaultRadius: 'md',
  focusRing: 'auto',
  components: {
    // Links inside text must not rely on colour alone (WCAG 1.4.1), so they are always underlined.
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});

// Mantine's default "dimmed" grey and error red are below 4.5:1 on white; use darker shades.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
