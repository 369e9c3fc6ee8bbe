import { AppShell, Burger, Group, NavLink as MantineNavLink, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import type { SessionUser } from '../access/session.api.js';
import { usePermissions } from '../access/use-permissions.js';
import { LoadingState } from '../shared/page-states.js';
import { AppFooter } from './app-footer.component.js';
import { LanguageSwitcher } from './language-switcher.component.js';
import { UserMenu } from './user-menu.component.js';

interface NavItem {
  to: string;
  label: string;
  end?: boolean;
  /** Set-up pages, grouped under one "Administration" menu in the top bar. */
  setup?: boolean;
}

function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const items: NavItem[] = [
    { to: '/programmes', label: t('nav.programmes'), end: false },
    { to: '/sessions', label: t('nav.sessions'), end: false },
    { to: '/cooperatives', label: t('nav.registry'), end: false },
  ];
  if (permissions.canSeeFollowUpLists) items.splice(2, 0, { to: '/follow-ups', label: t('nav.followUps'), end: false });
  if (permissions.canReadCatalogue) items.push({ to: '/training/modules', label: t('nav.catalogue') });
  if (permissions.canImportRegistry) items.push({ to: '/cooperatives/import', label: t('nav.import'), setup: true });
  if (permissions.canManageOrganisations) items.push({ to: '/organisations', label: t('nav.organisations'), setup: true });
  if (permissions.canManageFrameworks) items.push({ to: '/frameworks', label: t('nav.frameworks'), setup: true });
  if (permissions.canManageUsers) items.push({ to: '/admin/users', label: t('nav.users'), setup: true });
  if (permissions.canReadOutbox) items.push({ to: '/admin/outbox', label: t('nav.outbox'), setup: true });
  return items;
}

/** The registry link stays lit on a cooperative's pages but not on the import page, which has its own link. */
function isActive(item: NavItem, pathname: string, items: NavItem[]): boolean {
  if (pathname === item.to) return true;
  if (!pathname.startsWith(`${item.to}/`)) return false;
  return !items.some((other) => other !== item && other.to.startsWith(item.to) && pathname.startsWith(other.to));
}

export function AppShellLayout({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const items = useNavItems();

  useEffect(close, [location.pathname, close]);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { desktop: true, mobile: !opened } }} padding="md">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
            />
            <UnstyledButton component={Link} to="/cooperatives" className="brand">
              <Text fw={700} size="lg" c="teal.8" span>
                Taawon
              </Text>
              <Text span c="dimmed" fw={400} mx={4}>
                /
              </Text>
              <Text fw={700} size="lg" c="teal.8" span lang="ar">
                تعاون
              </Text>
            </UnstyledButton>
            <Group component="nav" aria-label={t('nav.main')} gap={4} visibleFrom="sm" ms="md" wrap="nowrap">
              {items
                .filter((item) => !item.setup)
                .map((item) => (
                  <NavLink
                    key={item.to}
                    to={item.to}
                    className={() => (isActive(item, location.pathname, items) ? 'top-nav-link active' : 'top-nav-link')}
                    aria-current={isActive(item, location.pathname, items) ? 'page' : undefined}
                  >
                    {item.label}
                  </NavLink>
                ))}
              {items.some((item) => item.setup) ? (
                <Menu position="bottom-start" withinPortal>
                  <Menu.Target>
                    <UnstyledButton
                      className={items.some((item) => item.setup && isActive(item, location.pathname, items)) ? 'top-nav-link active' : 'top-nav-link'}
                    >
                      {t('nav.setup')} ▾
                    </UnstyledButton>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {items
                      .filter((item) => item.setup)
                      .map((item) => (
                        <Menu.Item key={item.to} component={Link} to={item.to}>
                          {item.label}
                        </Menu.Item>
                      ))}
                  </Menu.Dropdown>
                </Menu>
              ) : null}
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher />
            <UserMenu user={user} />
          </Group>
        </Group>
      </AppShell.Header>
      {opened ? (
        <AppShell.Navbar p="sm" aria-label={t('nav.main')}>
          <Stack gap={4}>
            {items.map((item) => (
              <MantineNavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                active={isActive(item, location.pathname, items)}
                aria-current={isActive(item, location.pathname, items) ? 'page' : undefined}
              />
            ))}
          </Stack>
        </AppShell.Navbar>
      ) : null}
      <AppShell.Main id="main" className="app-main">
        <div className="page">
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </div>
        <AppFooter />
      </AppShell.Main>
    </AppShell>
  );
}
