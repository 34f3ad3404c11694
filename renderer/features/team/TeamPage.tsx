import { Trans, useTranslation } from 'react-i18next';
import { Fragment, useEffect, useState } from 'react';
import type { TeamMemberView } from '../../../common/team/members.ts';
import { Badge } from '../../components/Badge.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FormError } from '../../components/form/FormError.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ActionsHeader, RowActions } from '../../components/RowActions.tsx';
import { Section } from '../../components/Section.tsx';
import { selectPrincipal } from '../../store/app/selectors.ts';
import {
  currentMembers,
  memberStanding,
  removedMembers,
  selectMemberSummary,
} from '../../store/team/selectors.ts';
import { useAppStore, useTeamStore } from '../../store/StoreProvider.tsx';
import { AddMemberDialog } from './AddMemberDialog.tsx';
import { ChangeRoleDialog } from './ChangeRoleDialog.tsx';
import { DepartingDialog } from './DepartingDialog.tsx';
import { DueRotationBanner } from './DueRotationBanner.tsx';
import { ReissueCodeDialog } from './ReissueCodeDialog.tsx';
import { RemoveMemberDialog } from './RemoveMemberDialog.tsx';
import { VaultKeysSection } from './VaultKeysSection.tsx';
import './team.css';

type Open =
  { kind: 'add' } | { kind: 'role' | 'remove' | 'reissue' | 'departing'; member: TeamMemberView } | null;

/**
 * The team's members, for admins (the navigation offers it to no one else, and main refuses anyone else): who they
 * are, their role and admin right, their database login, and whether they have enrolled; inviting, changing a role,
 * removing (with the key rotation it implies), a new code for a lost keychain; the removed, with what they saw; and
 * the vault's chores (a due rotation, keys to give, the recovery kit). In the embedded default there is no team, and
 * the page says what one is.
 */
export function TeamPage() {
  const { t } = useTranslation(['team', 'common']);
  const status = useTeamStore((s) => s.status);
  const error = useTeamStore((s) => s.error);
  const load = useTeamStore((s) => s.load);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const show = (next: Open) => {
    setNotice(null);
    setOpen(next);
  };

  useEffect(() => {
    void load();
  }, [load]);

  const inTeam = status === 'ready';
  return (
    <div className="page">
      <PageHeader
        title={t('team:title')}
        intro={status === 'noTeam' ? t('team:introNoTeam') : t('team:intro')}
        action={
          inTeam && (
            <button type="button" className="button button--primary" onClick={() => show({ kind: 'add' })}>
              {t('team:addMember')}
            </button>
          )
        }
      />
      <FormError message={error} />
      {notice && (
        <p className="callout callout--success" role="status">
          {notice}
        </p>
      )}
      {status === 'loading' && <p className="muted">{t('common:states.loading')}</p>}
      {status === 'noTeam' && <NoTeam />}
      {inTeam && <DueRotationBanner />}
      {inTeam && (
        <MembersTable
          onChangeRole={(member) => show({ kind: 'role', member })}
          onReissue={(member) => show({ kind: 'reissue', member })}
          onRemove={(member) => show({ kind: 'remove', member })}
        />
      )}
      {inTeam && <RemovedMembers onDeparting={(member) => show({ kind: 'departing', member })} />}
      {inTeam && <VaultKeysSection />}
      {open?.kind === 'add' && <AddMemberDialog onClose={() => setOpen(null)} />}
      {open?.kind === 'role' && (
        <ChangeRoleDialog member={open.member} onChanged={setNotice} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'remove' && (
        <RemoveMemberDialog member={open.member} onRemoved={setNotice} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'reissue' && <ReissueCodeDialog member={open.member} onClose={() => setOpen(null)} />}
      {open?.kind === 'departing' && <DepartingDialog member={open.member} onClose={() => setOpen(null)} />}
    </div>
  );
}

function NoTeam() {
  const { t } = useTranslation('team');
  return (
    <div className="card">
      <EmptyState title={t('noTeam.title')}>
        <div className="team__explain">
          <p>{t('noTeam.own')}</p>
          <p>
            <Trans t={t} i18nKey="noTeam.setUp" components={{ code: <code className="mono" /> }} />
          </p>
        </div>
      </EmptyState>
    </div>
  );
}

function MembersTable({
  onChangeRole,
  onReissue,
  onRemove,
}: {
  onChangeRole(member: TeamMemberView): void;
  onReissue(member: TeamMemberView): void;
  onRemove(member: TeamMemberView): void;
}) {
  const members = currentMembers(useTeamStore((s) => s.members));
  const summary = useTeamStore(selectMemberSummary);
  const me = useAppStore(selectPrincipal)?.userId ?? null;
  const { t } = useTranslation(['team', 'vocabulary']);
  // Whether an invitation's code has expired, as of when the page opened.
  const [now] = useState(() => Date.now());
  return (
    <Section title={t('team:members.title')} intro={summary}>
      <div className="card team__card">
        <table className="table team__table" aria-label={t('team:members.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('team:members.columns.name')}</th>
              <th scope="col">{t('team:members.columns.role')}</th>
              <th scope="col">{t('team:members.columns.admin')}</th>
              <th scope="col">{t('team:members.columns.login')}</th>
              <th scope="col">{t('team:members.columns.status')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              const standing = memberStanding(member, now);
              const isMe = member.userId === me;
              return (
                <tr key={member.userId} data-testid="team-member">
                  <td className="team__person">
                    <span className="team__name">
                      {member.name}
                      {isMe && <span className="muted">{t('team:members.you')}</span>}
                    </span>
                    <span className="team__email">
                      <BreakableEmail email={member.email} />
                    </span>
                  </td>
                  <td className="team__nowrap">{t(`vocabulary:userRole.${member.role}`)}</td>
                  <td>
                    {member.isAdmin ? (
                      <Badge tone="info">{t('team:members.adminBadge')}</Badge>
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </td>
                  <td className="mono team__login">{member.login}</td>
                  <td>
                    <Badge tone={standing.tone} title={standing.detail}>
                      {standing.label}
                    </Badge>
                  </td>
                  <RowActions>
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      aria-label={t('team:members.changeRoleOf', { name: member.name })}
                      onClick={() => onChangeRole(member)}
                    >
                      {t('team:members.changeRole')}
                    </button>
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      aria-label={t('team:members.reissueCodeOf', { name: member.name })}
                      disabled={isMe}
                      title={isMe ? t('team:members.reissueOwn') : t('team:members.reissueHint')}
                      onClick={() => onReissue(member)}
                    >
                      {t('team:members.newCode')}
                    </button>
                    <button
                      type="button"
                      className="button button--quiet-danger button--small"
                      aria-label={t('team:members.removeName', { name: member.name })}
                      disabled={isMe}
                      title={isMe ? t('team:members.removeSelf') : undefined}
                      onClick={() => onRemove(member)}
                    >
                      {t('team:members.remove')}
                    </button>
                  </RowActions>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

/**
 * A long municipal address wraps where a reader expects it (after the @, before a dot), not in the middle of a word,
 * which is all the browser would otherwise find in it.
 */
function BreakableEmail({ email }: { email: string }) {
  const pieces = email.split(/(?=\.)|(?<=@)/);
  return (
    <>
      {pieces.map((piece, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {piece}
        </Fragment>
      ))}
    </>
  );
}

/** Members removed from the team: kept for their records, and for what they saw (their departing list). */
function RemovedMembers({ onDeparting }: { onDeparting(member: TeamMemberView): void }) {
  const removed = removedMembers(useTeamStore((s) => s.members));
  const { t } = useTranslation(['team', 'vocabulary']);
  if (removed.length === 0) return null;
  return (
    <Section title={t('team:removedMembers.title')} intro={t('team:removedMembers.intro')}>
      <div className="card team__card">
        <table className="table team__table" aria-label={t('team:removedMembers.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('team:members.columns.name')}</th>
              <th scope="col">{t('team:members.columns.role')}</th>
              <th scope="col">{t('team:members.columns.removed')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {removed.map((member) => (
              <tr key={member.userId} data-testid="removed-member">
                <td className="team__person">
                  <span className="team__name">{member.name}</span>
                  <span className="team__email">
                    <BreakableEmail email={member.email} />
                  </span>
                </td>
                <td className="team__nowrap">{t(`vocabulary:userRole.${member.role}`)}</td>
                <td className="team__nowrap">{formatDateTime(member.removedAt ?? 0)}</td>
                <RowActions>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-label={t('team:removedMembers.departingOf', { name: member.name })}
                    onClick={() => onDeparting(member)}
                  >
                    {t('team:removedMembers.departingList')}
                  </button>
                </RowActions>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
