import { useEffect, useState } from 'react';

import { HOST_INFO_PATH, type HostInfo, USER_COOKIE } from '../protocol';

export type { HostInfo };
const USER_STORAGE_KEY = 'gpu-partitioning-host/user';
const THEME_STORAGE_KEY = 'gpu-partitioning-host/theme';
export const DARK_THEME_CLASS = 'pf-v6-theme-dark';

export type Theme = 'light' | 'dark';

export const useHostInfo = (): HostInfo | undefined => {
  const [info, setInfo] = useState<HostInfo>();
  useEffect(() => {
    fetch(HOST_INFO_PATH)
      .then((response) => response.json() as Promise<HostInfo>)
      .then(setInfo)
      .catch((error: unknown) => console.error(`cannot read ${HOST_INFO_PATH}`, error));
  }, []);
  return info;
};

/**
 * Switches the user whose token the host's API proxy sends, then reloads: every cached watch,
 * access review and flag belongs to the previous user.
 */
export const switchUser = (user: string) => {
  localStorage.setItem(USER_STORAGE_KEY, user);
  document.cookie = `${USER_COOKIE}=${encodeURIComponent(user)}; path=/; SameSite=Strict`;
  window.location.reload();
};

/** The cookie can be lost (new browser profile) while localStorage keeps the choice. */
export const restoreUserCookie = () => {
  const stored = localStorage.getItem(USER_STORAGE_KEY);
  if (stored && !document.cookie.split(';').some((c) => c.trim().startsWith(`${USER_COOKIE}=`))) {
    document.cookie = `${USER_COOKIE}=${encodeURIComponent(stored)}; path=/; SameSite=Strict`;
  }
};

export const getStoredTheme = (): Theme =>
  localStorage.getItem(THEME_STORAGE_KEY) === 'dark' ? 'dark' : 'light';

export const applyTheme = (theme: Theme) => {
  document.documentElement.classList.toggle(DARK_THEME_CLASS, theme === 'dark');
  localStorage.setItem(THEME_STORAGE_KEY, theme);
};
