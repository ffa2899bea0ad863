import { Container, Group, Text } from '@mantine/core';
import { Outlet, Link as RouterLink } from 'react-router';
import { ServerStatus } from '@/features/health/components/server-status';
import classes from './layout.module.css';
import { MainNavigation } from './navigation';

export const MAIN_ID = 'main-content';

/** Header with navigation, the page in <main>, and a footer; a skip link comes first. */
export function Layout({ children }: { children?: React.ReactNode }) {
  return (
    <div className={classes.shell}>
      <a href={`#${MAIN_ID}`} className={classes.skipLink}>
        Skip to main content
      </a>
      <header className={classes.header}>
        <Container size="lg" className={classes.headerInner}>
          <RouterLink to="/" className={classes.brand}>
            <span className={classes.logo} aria-hidden="true">
              C
            </span>
            Clerkship
          </RouterLink>
          <MainNavigation />
        </Container>
      </header>

      <main id={MAIN_ID} tabIndex={-1} className={classes.main}>
        <Container size="lg">{children ?? <Outlet />}</Container>
      </main>

      <footer className={classes.footer}>
        <Container size="lg">
          <Group justify="space-between" gap="sm">
            <Text size="sm" className={classes.footerText}>
              Clerkship is open-source software for finding and applying to clinical rotations.
            </Text>
            <ServerStatus />
          </Group>
        </Container>
      </footer>
    </div>
  );
}
