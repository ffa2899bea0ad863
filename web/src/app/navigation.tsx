import { Menu, UnstyledButton } from '@mantine/core';
import { Fragment } from 'react';
import { NavLink, Link as RouterLink, useNavigate } from 'react-router';
import { useSession } from '@/features/auth/api/get-session';
import type { User } from '@/features/auth/api/session-schema';
import { LogoutButton } from '@/features/auth/components/logout-button';
import { useInstitutionGroups } from '@/features/institution-groups/api/groups';
import { canSeeAudit, staffInstitutions } from '@/features/auth/permissions';
import classes from './layout.module.css';

type Item = { to: string; label: string; end?: boolean };

/** The main navigation items for a user (null = anonymous), in display order. */
export function navItems(user: User | null): { before: Item[]; after: Item[] } {
  const before: Item[] = [
    { to: '/', label: 'Home', end: true },
    { to: '/rotations', label: 'Find a rotation' },
  ];
  if (!user) {
    return {
      before,
      after: [
        { to: '/login', label: 'Log in' },
        { to: '/register', label: 'Register' },
      ],
    };
  }
  if (user.is_admin) {
    before.push({ to: '/institutions', label: 'Institutions' });
    before.push({ to: '/specialties', label: 'Specialties' });
    before.push({ to: '/match-rounds', label: 'Match rounds' });
    before.push({ to: '/institution-groups', label: 'Institution groups' });
  }
  if (user.is_applicant) {
    before.push(
      { to: '/profile', label: 'Profile' },
      { to: '/documents', label: 'Documents' },
      { to: '/letters', label: 'Letters', end: true },
      { to: '/applications', label: 'Applications' },
      { to: '/onboarding', label: 'Onboarding' },
      { to: '/match-rounds', label: 'Match' },
      { to: '/my-rotations', label: 'Rotations' },
    );
  }
  if (user.memberships.some((m) => m.role === 'preceptor')) before.push({ to: '/students', label: 'My students' });
  const after: Item[] = [];
  if (user.is_applicant) after.push({ to: '/saved-searches', label: 'Saved searches' });
  if (canSeeAudit(user)) after.push({ to: '/audit', label: 'Audit log' });
  after.push({ to: '/account', label: 'Account' });
  return { before, after };
}

function Item({ item }: { item: Item }) {
  return (
    <li>
      <NavLink to={item.to} end={item.end ?? false} className={classes.navLink}>
        {item.label}
      </NavLink>
    </li>
  );
}

/** "My institutions": the staff page and the rotation catalog of every institution the user works at. */
function MyInstitutions({ user }: { user: User }) {
  const institutions = staffInstitutions(user);
  if (institutions.length === 0) return null;
  return (
    <li>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <UnstyledButton className={classes.navLink}>My institutions</UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          {/* Interviews the user conducts, across their institutions. */}
          <Menu.Item component={RouterLink} to="/my-interviews">
            My interviews
          </Menu.Item>
          <Menu.Divider />
          {institutions.map((institution, i) => (
            <Fragment key={institution.id}>
              {i > 0 && <Menu.Divider />}
              <Menu.Item component={RouterLink} to={`/institutions/${institution.id}/staff`}>
                {institution.name}
              </Menu.Item>
              <Menu.Item
                component={RouterLink}
                to={`/institutions/${institution.id}/offerings`}
                aria-label={`Catalog of ${institution.name}`}
                pl="xl"
              >
                Catalog
              </Menu.Item>
              <Menu.Item
                component={RouterLink}
                to={`/institutions/${institution.id}/onboarding`}
                aria-label={`Cleared to start at ${institution.name}`}
                pl="xl"
              >
                Cleared to start
              </Menu.Item>
              <Menu.Item
                component={RouterLink}
                to={`/institutions/${institution.id}/placements`}
                aria-label={`Placements of ${institution.name}`}
                pl="xl"
              >
                Placements
              </Menu.Item>
              {user.memberships.some((m) => m.institution_id === institution.id && m.role === 'coordinator') && (
                <Menu.Item
                  component={RouterLink}
                  to={`/institutions/${institution.id}/match-rounds`}
                  aria-label={`Match rounds of ${institution.name}`}
                  pl="xl"
                >
                  Match rounds
                </Menu.Item>
              )}
            </Fragment>
          ))}
        </Menu.Dropdown>
      </Menu>
    </li>
  );
}

/** "My groups" for a coordinator who manages at least one institution group (admins have "Institution groups"). */
function MyGroups({ user }: { user: User }) {
  const eligible = !user.is_admin && user.memberships.some((m) => m.role === 'coordinator');
  const groups = useInstitutionGroups(eligible);
  if (!eligible || !groups.data || groups.data.items.length === 0) return null;
  return <Item item={{ to: '/institution-groups', label: 'My groups' }} />;
}

export function MainNavigation() {
  const session = useSession();
  const navigate = useNavigate();
  // Until the session is known, show the anonymous items minus the login links, so nothing flickers.
  const user = session.data?.user ?? null;
  const { before, after } = navItems(user);
  const known = session.isSuccess || session.isError;

  return (
    <nav aria-label="Main">
      <ul className={classes.navList}>
        {before.map((item) => (
          <Item key={item.to} item={item} />
        ))}
        {user && <MyInstitutions user={user} />}
        {user && <MyGroups user={user} />}
        {known && after.map((item) => <Item key={item.to} item={item} />)}
        {user && (
          <li>
            <LogoutButton className={classes.navLink} onLoggedOut={() => void navigate('/')} />
          </li>
        )}
      </ul>
    </nav>
  );
}
