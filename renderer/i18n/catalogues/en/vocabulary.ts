import { billableWorkTypeLabels, serviceKindLabels } from '../../../../common/agreements/model.ts';
import { billingLineKindLabels, chargeLabels } from '../../../../common/billing/model.ts';
import {
  certificateKindLabels,
  customerKindLabels,
  remoteAccessMethodLabels,
  serverRoleLabels,
  splitTunnelLabels,
  userRoleLabels,
  vpnTypeLabels,
} from '../../../../common/registry/vocabulary.ts';
import { slaStateLabels } from '../../../../common/tickets/slaState.ts';

/**
 * The labels of the closed vocabularies in common/ (customer kinds, server roles, VPN types…), by their stored value:
 * `t(`vocabulary:serverRole.${role}`)`. English is common/'s own labels, which the CLI prints too; every stored value
 * has one, so a value added there is a missing Swedish key here (a type error in sv/vocabulary.ts).
 */
export const vocabulary = {
  customerKind: customerKindLabels,
  serverRole: serverRoleLabels,
  vpnType: vpnTypeLabels,
  splitTunnel: splitTunnelLabels,
  certificateKind: certificateKindLabels,
  remoteAccessMethod: remoteAccessMethodLabels,
  userRole: userRoleLabels,
  serviceKind: serviceKindLabels,
  billableWorkType: billableWorkTypeLabels,
  charge: chargeLabels,
  billingLineKind: billingLineKindLabels,
  slaState: slaStateLabels,
};
