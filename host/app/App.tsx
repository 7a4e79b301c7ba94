import {
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  MastheadToggle,
  Nav,
  NavItem,
  NavList,
  Page,
  PageSidebar,
  PageSidebarBody,
  PageToggleButton,
  Spinner,
  Bullseye,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { BarsIcon, MoonIcon, SunIcon } from '@patternfly/react-icons';
import * as React from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, NavLink, Redirect, Route, Switch, useLocation } from 'react-router-dom';
import { CompatRouter } from 'react-router-dom-v5-compat';
import { NodeDetailsPage } from './NodeDetailsPage';
import { NodesListPage } from './NodesListPage';
import { NotFoundPage } from './NotFoundPage';
import { PluginErrorBoundary } from './PluginErrorBoundary';
import {
  componentForCodeRef,
  flagsAllow,
  navItems,
  routePages,
  translateExtensionText,
} from './plugin';
import { SandboxBanner } from './SandboxBanner';
import { type Theme, applyTheme, getStoredTheme, useHostInfo } from './session';
import { usePluginFlags } from './usePluginFlags';

const ThemeToggle: React.FC = () => {
  const [theme, setTheme] = React.useState<Theme>(getStoredTheme);
  React.useEffect(() => applyTheme(theme), [theme]);
  return (
    <ToggleGroup isCompact aria-label="Theme">
      <ToggleGroupItem
        icon={<SunIcon />}
        aria-label="Light theme"
        buttonId="host-theme-light"
        isSelected={theme === 'light'}
        onChange={() => setTheme('light')}
      />
      <ToggleGroupItem
        icon={<MoonIcon />}
        aria-label="Dark theme"
        buttonId="host-theme-dark"
        isSelected={theme === 'dark'}
        onChange={() => setTheme('dark')}
      />
    </ToggleGroup>
  );
};

const HostMasthead: React.FC<{ user?: string }> = ({ user }) => (
  <Masthead>
    <MastheadMain>
      <MastheadToggle>
        <PageToggleButton variant="plain" aria-label="Global navigation">
          <BarsIcon />
        </PageToggleButton>
      </MastheadToggle>
      <MastheadBrand>
        <MastheadLogo component="a" href="/" className="host-brand">
          Sandbox console
        </MastheadLogo>
      </MastheadBrand>
    </MastheadMain>
    <MastheadContent>
      <Toolbar isFullHeight isStatic>
        <ToolbarContent>
          <ToolbarGroup align={{ default: 'alignEnd' }} alignItems="center">
            <ToolbarItem>
              <ThemeToggle />
            </ToolbarItem>
            {user && (
              <ToolbarItem className="host-masthead-user" data-test="masthead-user">
                {user}
              </ToolbarItem>
            )}
          </ToolbarGroup>
        </ToolbarContent>
      </Toolbar>
    </MastheadContent>
  </Masthead>
);

const HostSidebar: React.FC<{ flags: Record<string, boolean | undefined> }> = ({ flags }) => {
  const { t } = useTranslation();
  const location = useLocation();
  const pluginItems = navItems.filter((item) => flagsAllow(item.flags, flags));
  const items = [
    ...pluginItems.map((item) => ({
      id: item.id,
      href: item.href,
      label: translateExtensionText(item.name, t),
    })),
    { id: 'nodes', href: '/k8s/cluster/nodes', label: 'Nodes' },
  ];
  return (
    <PageSidebar>
      <PageSidebarBody>
        <Nav aria-label="Compute">
          <NavList>
            {items.map((item) => (
              <NavItem key={item.id} isActive={location.pathname.startsWith(item.href)}>
                {/* PatternFly clones a link child, dropping NavItem's own extra props. */}
                <NavLink to={item.href} data-test={`nav-${item.id}`}>
                  {item.label}
                </NavLink>
              </NavItem>
            ))}
          </NavList>
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );
};

const Loading: React.FC = () => (
  <Bullseye>
    <Spinner aria-label="Loading" />
  </Bullseye>
);

const Shell: React.FC = () => {
  const info = useHostInfo();
  const flags = usePluginFlags();
  const flagsResolved = Object.values(flags).every((value) => value !== undefined);
  const firstPluginPage = routePages[0]?.path[0];
  return (
    <div className="host-root">
      <SandboxBanner info={info} />
      <Page
        className="host-page"
        masthead={<HostMasthead user={info?.user} />}
        sidebar={<HostSidebar flags={flags} />}
        isManagedSidebar
      >
        <React.Suspense fallback={<Loading />}>
          <Switch>
            {routePages
              .filter((page) => flagsAllow(page.flags, flags))
              .map((page) => {
                const Component = componentForCodeRef(page.component);
                return (
                  <Route key={page.path.join(',')} path={page.path} exact={page.exact}>
                    <PluginErrorBoundary>
                      <Component />
                    </PluginErrorBoundary>
                  </Route>
                );
              })}
            <Route path="/k8s/cluster/nodes" exact>
              <NodesListPage />
            </Route>
            <Route path="/k8s/cluster/nodes/:name">
              <NodeDetailsPage flags={flags} />
            </Route>
            <Route path="/" exact>
              <Redirect to={firstPluginPage ?? '/k8s/cluster/nodes'} />
            </Route>
            <Route>{flagsResolved ? <NotFoundPage flags={flags} /> : <Loading />}</Route>
          </Switch>
        </React.Suspense>
      </Page>
    </div>
  );
};

export const App: React.FC = () => (
  <BrowserRouter>
    <CompatRouter>
      <Shell />
    </CompatRouter>
  </BrowserRouter>
);
