import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { certificateStanding } from '../../../common/environments/certificates.ts';
import { noticeTiming, type MaintenanceNoticeView } from '../../../common/environments/maintenanceNotices.ts';
import { accessStandardness } from '../../../common/registry/access.ts';
import type { CustomerDetail, EnvironmentView } from '../../../common/registry/model.ts';
import { splitTunnelVpnTypes } from '../../../common/registry/vocabulary.ts';
import { Badge } from '../../components/Badge.tsx';
import { dayToText } from '../../components/form/dateText.ts';
import { formatDateTime, formatIsoDay, formatTime } from '../../i18n/format.ts';
import { t as translate } from '../../i18n/i18n.ts';
import { ActionsHeader, EditDeleteButtons, RowActions } from '../../components/RowActions.tsx';
import { Section } from '../../components/Section.tsx';
import { selectMayCall } from '../../store/app/selectors.ts';
import { selectPreConnect } from '../../store/sessions/selectors.ts';
import { ServerConnectActions } from '../sessions/ServerConnectActions.tsx';
import { useAppStore, useSessionsStore } from '../../store/StoreProvider.tsx';
import { CommandApproval } from '../sessions/PreConnectCommand.tsx';
import { accessFindingText } from '../../components/accessFindingText.ts';
import type { OpenDialog } from './pageDialog.ts';
import { OneTimeCodeButton, RevealSeedButton } from '../remoteAccess/OneTimeCodeButton.tsx';
import {
  EnvironmentAccessActions,
  VpnClientFact,
  WeakVpnWarning,
} from '../remoteAccess/EnvironmentAccessActions.tsx';

export function EnvironmentsSection({ detail, open }: { detail: CustomerDetail; open: OpenDialog }) {
  const { t } = useTranslation('customer');
  const loadPreConnect = useSessionsStore((s) => s.loadPreConnect);
  // Whether each command may run here, read again whenever one of them changes.
  const commands = detail.environments.map((e) => e.access.preConnectCommand).join('\u0000');
  useEffect(() => {
    if (commands.replaceAll('\u0000', '') === '') return;
    // Unread, the badge is left out; whether a command runs is decided by main's gate, not by this badge.
    loadPreConnect(detail.id).catch(() => undefined);
  }, [commands, detail.id, loadPreConnect]);
  return (
    <Section
      title={t('environments.title', { count: detail.environments.length })}
      intro={t('environments.intro')}
      action={
        <button type="button" className="button" onClick={() => open({ kind: 'environment' })}>
          {t('environments.add')}
        </button>
      }
    >
      {detail.environments.length === 0 ? (
        <p className="section__empty">{t('environments.empty')}</p>
      ) : (
        detail.environments.map((environment) => (
          <EnvironmentCard key={environment.id} environment={environment} open={open} />
        ))
      )}
    </Section>
  );
}

function EnvironmentCard({ environment, open }: { environment: EnvironmentView; open: OpenDialog }) {
  const { t } = useTranslation('customer');
  const titleId = `env-${environment.id}`;
  // Finance opens no sessions: the buttons are not offered (docs/roles.md).
  const mayConnect = useAppStore(selectMayCall('sessions.open'));
  return (
    <section className="card env" aria-labelledby={titleId}>
      <div className="env__header">
        <h3 id={titleId} className="env__name">
          {environment.name}
        </h3>
        {!environment.access.standard && <Badge tone="warning">{t('environments.nonStandardAccess')}</Badge>}
        <div className="env__actions">
          {mayConnect && (
            <button
              type="button"
              className="button button--small"
              aria-label={t('environments.localTerminalFor', { environment: environment.name })}
              onClick={() => open({ kind: 'openSession', environment, server: null })}
            >
              {t('environments.localTerminal')}
            </button>
          )}
          <EditDeleteButtons
            name={t('names.environment', { name: environment.name })}
            onEdit={() => open({ kind: 'environment', environment })}
            onDelete={() => open({ kind: 'deleteEnvironment', environment })}
          />
        </div>
      </div>
      {environment.notes && <p className="env__notes">{environment.notes}</p>}
      <Access environment={environment} open={open} />
      <Notices environment={environment} open={open} />
      <Servers environment={environment} open={open} />
      <SupportAccounts environment={environment} open={open} />
      <Certificates environment={environment} open={open} />
    </section>
  );
}

function Access({ environment, open }: { environment: EnvironmentView; open: OpenDialog }) {
  const { access } = environment;
  const mayConnect = useAppStore(selectMayCall('sessions.open'));
  const mayRevealSeed = useAppStore(selectMayCall('registry.revealVpnTotpSeed'));
  const { t } = useTranslation(['customer', 'vocabulary', 'remoteAccess']);
  const approval = useSessionsStore(selectPreConnect(environment.customerId, environment.id));
  // The reasons are worked out here from the facts, as codes, so they read in the chosen language.
  const { findings } = accessStandardness(access);
  return (
    <div className="env__block">
      <h4 className="env__block-title">{t('access.title')}</h4>
      <dl className="facts">
        <div>
          <dt>{t('access.vpn')}</dt>
          <dd>
            {t(`vocabulary:vpnType.${access.vpnType}`)}
            {access.accessTool && <span className="muted"> ({access.accessTool})</span>}
          </dd>
        </div>
        <VpnClientFact environment={environment} />
        {splitTunnelVpnTypes.includes(access.vpnType) && (
          <div>
            <dt>{t('access.tunnel')}</dt>
            <dd>{t(`vocabulary:splitTunnel.${access.splitTunnel}`)}</dd>
          </div>
        )}
        {access.specialConfigurationNeeded && (
          <div>
            <dt>{t('access.specialConfiguration')}</dt>
            <dd>{access.specialConfiguration}</dd>
          </div>
        )}
        {access.vpnGateway && (
          <div>
            <dt>{t('access.gateway')}</dt>
            <dd className="mono">{access.vpnGateway}</dd>
          </div>
        )}
        {access.teamViewerId && (
          <div>
            <dt>{t('access.teamViewerId')}</dt>
            <dd className="mono">{access.teamViewerId}</dd>
          </div>
        )}
        {access.preConnectCommand && (
          <div>
            <dt>{t('access.preConnect')}</dt>
            <dd>
              <span className="mono">{access.preConnectCommand}</span> <CommandApproval view={approval} />
            </dd>
          </div>
        )}
        {access.hasPreConnectSecret && (
          <div>
            <dt>{t('access.preConnectSecret')}</dt>
            <dd>
              <Badge tone="success">{t('access.stored')}</Badge>
            </dd>
          </div>
        )}
        {access.hasVpnTotpSeed && (
          <div>
            <dt>{t('access.vpnTotpSeed')}</dt>
            <dd>
              <Badge tone="success">{t('access.stored')}</Badge>{' '}
              {mayRevealSeed && (
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('remoteAccess:oneTimeCode.revealVpnSeedFor', {
                    environment: environment.name,
                  })}
                  onClick={() => open({ kind: 'revealVpnSeed', environment })}
                >
                  {t('remoteAccess:oneTimeCode.revealSeed')}
                </button>
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('access.method')}</dt>
          <dd>{t(`vocabulary:remoteAccessMethod.${access.method}`)}</dd>
        </div>
        <div>
          <dt>{t('access.supportedTools')}</dt>
          <dd>
            {access.supportedTools.length === 0 ? (
              <span className="muted">{t('access.noneListed')}</span>
            ) : (
              <span className="chips">
                {access.supportedTools.map((tool) => (
                  <Badge key={tool} tone="info">
                    {tool}
                  </Badge>
                ))}
              </span>
            )}
          </dd>
        </div>
      </dl>
      {access.notes && <p className="env__notes">{access.notes}</p>}
      <WeakVpnWarning environment={environment} />
      {mayConnect && (
        <EnvironmentAccessActions
          environment={environment}
          onLaunch={(tool) =>
            open({ kind: 'openSession', environment, server: null, sessionKind: 'tool', tool })
          }
          onVpnTerminal={() => open({ kind: 'openSession', environment, server: null })}
        />
      )}
      {!access.standard && (
        <div className="callout">
          <strong>{t('access.nonStandard')}</strong>
          <ul>
            {findings.map((finding) => (
              <li key={finding.code}>{accessFindingText(finding)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function Servers({ environment, open }: { environment: EnvironmentView; open: OpenDialog }) {
  const { t } = useTranslation(['customer', 'vocabulary']);
  const mayConnect = useAppStore(selectMayCall('sessions.open'));
  return (
    <EnvBlock
      title={t('servers.title', { count: environment.servers.length })}
      add={{
        label: t('servers.add'),
        name: t('servers.addTo', { environment: environment.name }),
        onClick: () => open({ kind: 'server', environment }),
      }}
    >
      {environment.servers.length === 0 ? (
        <p className="section__empty">{t('servers.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('servers.host')}</th>
              <th scope="col">{t('servers.role')}</th>
              <th scope="col">{t('servers.os')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {environment.servers.map((server) => (
              <tr key={server.id}>
                <td className="mono">
                  {server.host}:{server.port}
                  {server.notes && <div className="cell-note">{server.notes}</div>}
                </td>
                <td>{t(`vocabulary:serverRole.${server.role}`)}</td>
                <td>{server.os || <span className="muted">—</span>}</td>
                <RowActions>
                  {mayConnect && (
                    <ServerConnectActions
                      environment={environment}
                      server={server}
                      onConnect={(action) =>
                        open({
                          kind: 'openSession',
                          environment,
                          server,
                          sessionKind: action.kind,
                          ...(action.kind === 'tool' ? { tool: action.tool } : {}),
                        })
                      }
                    />
                  )}
                  <EditDeleteButtons
                    name={t('names.server', { host: server.host })}
                    onEdit={() => open({ kind: 'server', environment, server })}
                    onDelete={() => open({ kind: 'deleteServer', server })}
                  />
                </RowActions>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </EnvBlock>
  );
}

function SupportAccounts({ environment, open }: { environment: EnvironmentView; open: OpenDialog }) {
  // Finance sees the accounts, never a secret: neither Reveal nor setting one is offered.
  const mayReveal = useAppStore(selectMayCall('registry.revealSecret'));
  const maySetSecret = useAppStore(selectMayCall('registry.saveSupportAccount'));
  const { t } = useTranslation('customer');
  return (
    <EnvBlock
      title={t('accounts.title', { count: environment.supportAccounts.length })}
      add={{
        label: t('accounts.add'),
        name: t('accounts.addTo', { environment: environment.name }),
        onClick: () => open({ kind: 'supportAccount', environment }),
      }}
    >
      {environment.supportAccounts.length === 0 ? (
        <p className="section__empty">{t('accounts.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('accounts.username')}</th>
              <th scope="col">{t('accounts.secret')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {environment.supportAccounts.map((account) => (
              <tr key={account.id}>
                <td className="mono">
                  {account.username}
                  {account.notes && <div className="cell-note">{account.notes}</div>}
                </td>
                <td>
                  {account.hasSecret ? (
                    <span className="secret" data-testid="secret-state">
                      <span className="secret__mask" aria-label={t('accounts.secretHidden')}>
                        ••••••••
                      </span>
                      <Badge tone="success">{t('accounts.stored')}</Badge>
                      {account.secretUpdatedAt !== null && (
                        <span className="muted secret__when">{formatDateTime(account.secretUpdatedAt)}</span>
                      )}
                    </span>
                  ) : (
                    <span data-testid="secret-state">
                      <Badge tone="neutral">{t('accounts.noSecret')}</Badge>
                    </span>
                  )}
                </td>
                <RowActions>
                  {mayReveal && <OneTimeCodeButton account={account} />}
                  <RevealSeedButton
                    account={account}
                    onReveal={() => open({ kind: 'revealSecret', account, seed: true })}
                  />
                  {account.hasSecret && mayReveal && (
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      aria-label={t('accounts.revealFor', { username: account.username })}
                      onClick={() => open({ kind: 'revealSecret', account })}
                    >
                      {t('accounts.reveal')}
                    </button>
                  )}
                  {maySetSecret && (
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      aria-label={t(account.hasSecret ? 'accounts.replaceFor' : 'accounts.setFor', {
                        username: account.username,
                      })}
                      onClick={() => open({ kind: 'supportAccount', environment, account })}
                    >
                      {t(account.hasSecret ? 'accounts.replace' : 'accounts.set')}
                    </button>
                  )}
                  <EditDeleteButtons
                    name={t('names.account', { username: account.username })}
                    onEdit={() => open({ kind: 'supportAccount', environment, account })}
                    onDelete={() => open({ kind: 'deleteSupportAccount', account })}
                  />
                </RowActions>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </EnvBlock>
  );
}

const noticeTimingTones = {
  current: 'warning',
  upcoming: 'warning',
  later: 'info',
  past: 'neutral',
} as const;

/** `07/12/2026, 10:00–12:00` (the end's day left out when it is the start's), or open-ended; Stockholm time. */
function noticePeriod(notice: Pick<MaintenanceNoticeView, 'startsAt' | 'endsAt'>): string {
  const start = formatDateTime(notice.startsAt);
  if (notice.endsAt === null) return translate('customer:notices.untilFurtherNotice', { start });
  const sameDay = formatIsoDay(notice.startsAt) === formatIsoDay(notice.endsAt);
  const end = sameDay ? formatTime(notice.endsAt) : formatDateTime(notice.endsAt);
  return translate('customer:notices.period', { start, end });
}

/** The customer's notices of maintenance or changes: what is on now or coming first, then the rest. */
function Notices({ environment, open }: { environment: EnvironmentView; open: OpenDialog }) {
  const [now] = useState(() => Date.now());
  const [showPast, setShowPast] = useState(false);
  const { t } = useTranslation('customer');
  const timed = environment.notices.map((notice) => ({ notice, timing: noticeTiming(notice, now) }));
  const past = timed.filter((t) => t.timing === 'past');
  const shown = [...timed.filter((t) => t.timing !== 'past').reverse(), ...(showPast ? past : [])];
  return (
    <EnvBlock
      title={t('notices.title', { count: environment.notices.length })}
      add={{
        label: t('notices.add'),
        name: t('notices.addFor', { environment: environment.name }),
        onClick: () => open({ kind: 'notice', environment }),
      }}
    >
      {shown.length === 0 ? (
        <p className="section__empty">{past.length === 0 ? t('notices.empty') : t('notices.nothingNow')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('notices.when')}</th>
              <th scope="col">{t('notices.what')}</th>
              <th scope="col">{t('notices.toldUs')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {shown.map(({ notice, timing }) => (
              <tr key={notice.id}>
                <td>
                  <span className="mono">{noticePeriod(notice)}</span>{' '}
                  <Badge tone={noticeTimingTones[timing]}>{t(`notices.timing.${timing}`)}</Badge>
                </td>
                <td className="env__notice-summary">{notice.summary}</td>
                <td className="muted">
                  {formatDateTime(notice.receivedAt)}
                  <div className="cell-note">{t('notices.recordedBy', { name: notice.recordedBy })}</div>
                </td>
                <RowActions>
                  <EditDeleteButtons
                    name={t('names.notice', { summary: notice.summary })}
                    onEdit={() => open({ kind: 'notice', environment, notice })}
                    onDelete={() => open({ kind: 'deleteNotice', notice })}
                  />
                </RowActions>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {past.length > 0 && (
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => setShowPast(!showPast)}
        >
          {showPast ? t('notices.hidePast') : t('notices.showPast', { count: past.length })}
        </button>
      )}
    </EnvBlock>
  );
}

/** Certificates whose expiry takes AD FS and WAP down, soonest first; near or past expiry they warn. */
function Certificates({ environment, open }: { environment: EnvironmentView; open: OpenDialog }) {
  const [now] = useState(() => Date.now());
  const { t } = useTranslation(['customer', 'vocabulary']);
  return (
    <EnvBlock
      title={t('certificates.title', { count: environment.certificates.length })}
      add={{
        label: t('certificates.add'),
        name: t('certificates.addTo', { environment: environment.name }),
        onClick: () => open({ kind: 'certificate', environment }),
      }}
    >
      {environment.certificates.length === 0 ? (
        <p className="section__empty">{t('certificates.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('certificates.kind')}</th>
              <th scope="col">{t('certificates.subjectAndServer')}</th>
              <th scope="col">{t('certificates.expires')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {environment.certificates.map((certificate) => {
              const { state, days } = certificateStanding(certificate, now);
              const kind = t(`vocabulary:certificateKind.${certificate.kind}`);
              return (
                <tr key={certificate.id} className={state === 'expired' ? 'env__cert--expired' : undefined}>
                  <td>{kind}</td>
                  <td>
                    {certificate.subject || <span className="muted">—</span>}
                    {certificate.serverHost && <div className="cell-note mono">{certificate.serverHost}</div>}
                    {certificate.thumbprint && <div className="cell-note mono">{certificate.thumbprint}</div>}
                  </td>
                  <td>
                    <span className="mono">{dayToText(certificate.expiresOn)}</span>{' '}
                    {state === 'expired' && <Badge tone="danger">{t('certificates.expired')}</Badge>}
                    {state === 'expiring' && (
                      <Badge tone="warning">{t('certificates.inDays', { count: days })}</Badge>
                    )}
                    {state === 'expired' && (
                      <div className="env__cert-consequence" role="alert">
                        {t(`certificates.consequence.${certificate.kind}`)}
                      </div>
                    )}
                  </td>
                  <RowActions>
                    <EditDeleteButtons
                      name={t('names.certificate', { kind })}
                      onEdit={() => open({ kind: 'certificate', environment, certificate })}
                      onDelete={() => open({ kind: 'deleteCertificate', certificate })}
                    />
                  </RowActions>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </EnvBlock>
  );
}

/** One part of an environment card: its title with a count, its Add button, and what it holds. */
function EnvBlock({
  title,
  add,
  children,
}: {
  /** With its count: "Servers (2)". */
  title: string;
  /** `name` is the button's accessible name, saying which environment it adds to. */
  add: { label: string; name: string; onClick(): void };
  children: ReactNode;
}) {
  return (
    <div className="env__block">
      <div className="env__block-header">
        <h4 className="env__block-title">{title}</h4>
        <button type="button" className="button button--small" aria-label={add.name} onClick={add.onClick}>
          {add.label}
        </button>
      </div>
      {children}
    </div>
  );
}
