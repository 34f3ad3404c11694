import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { selectMayCall } from '../../store/app/selectors.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';
import type { PaletteSources } from './paletteSearch.ts';

type Page = keyof typeof pagePaths;

const pagePaths = {
  customers: '/',
  tickets: '/tickets',
  sessions: '/sessions',
  recordings: '/recordings',
  timesheet: '/timesheet',
  billing: '/billing',
  eligibility: '/eligibility',
  audit: '/audit',
  retention: '/retention',
  team: '/team',
} as const;

/** The pages the person's role may open (as the navigation offers them) and the actions, in the chosen language. */
export function usePaletteCommands(): PaletteSources['commands'] {
  const { t, i18n } = useTranslation('palette');
  const maySeeSessions = useAppStore(selectMayCall('sessions.list'));
  const maySeeBilling = useAppStore(selectMayCall('billing.monthSummary'));
  const maySeeAudit = useAppStore(selectMayCall('audit.list'));
  const mayManageTeam = useAppStore(selectMayCall('team.members'));
  return useMemo(() => {
    const hidden = new Set<Page>([
      ...(maySeeSessions ? [] : (['sessions', 'recordings'] as const)),
      ...(maySeeBilling ? [] : (['billing'] as const)),
      ...(maySeeAudit ? [] : (['audit'] as const)),
      ...(mayManageTeam ? [] : (['team'] as const)),
    ]);
    const pages = (Object.keys(pagePaths) as Page[])
      .filter((page) => !hidden.has(page))
      .map((page) => ({
        kind: 'page' as const,
        key: `page:${page}`,
        path: pagePaths[page],
        label: t(`pages.${page}`),
      }));
    return [
      ...pages,
      { kind: 'action' as const, key: 'action:lock', action: 'lock' as const, label: t('actions.lock') },
      {
        kind: 'action' as const,
        key: 'action:shortcuts',
        action: 'shortcuts' as const,
        label: t('actions.shortcuts'),
      },
    ];
    // The language is a dependency: `t` is stable across a switch, the labels are not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, i18n.language, maySeeSessions, maySeeBilling, maySeeAudit, mayManageTeam]);
}
