import { withFullStop, type AccessFinding } from '../../common/registry/access.ts';
import { t } from '../i18n/i18n.ts';

/** Why access is non-standard, in the chosen language; read while rendering, so a language switch words it anew. */
export function accessFindingText(finding: AccessFinding): string {
  switch (finding.code) {
    case 'otherTool':
      return finding.tool === ''
        ? t('customer:accessReasons.otherToolUnnamed')
        : t('customer:accessReasons.otherTool', { tool: finding.tool });
    case 'direct':
      return t('customer:accessReasons.direct');
    case 'fullTunnel':
    case 'splitUnknown':
      return t(`customer:accessReasons.${finding.code}`, {
        client: t(`vocabulary:vpnType.${finding.vpnType}`),
      });
    case 'otherMethod':
      return t('customer:accessReasons.otherMethod');
    case 'specialConfiguration':
      return withFullStop(
        t('customer:accessReasons.specialConfiguration', { configuration: finding.configuration }),
      );
  }
}
