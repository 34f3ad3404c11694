import type { Migration } from 'kysely';
import { migration0001Registry } from './0001_registry.ts';
import { migration0002AgreementsTickets } from './0002_agreements_tickets.ts';
import { migration0003Audit } from './0003_audit.ts';
import { migration0004KnownHosts } from './0004_known_hosts.ts';
import { migration0005Recordings } from './0005_recordings.ts';
import { migration0006TimeEntries } from './0006_time_entries.ts';
import { migration0007Sessions } from './0007_sessions.ts';
import { migration0008Billing } from './0008_billing.ts';
import { migration0009SessionChoices } from './0009_session_choices.ts';
import { migration0010PreConnectApprovals } from './0010_pre_connect_approvals.ts';
import { migration0011PersonalDataKeys } from './0011_personal_data_keys.ts';
import { migration0012SealedPersonalFields } from './0012_sealed_personal_fields.ts';
import { migration0013SealedBillingLines } from './0013_sealed_billing_lines.ts';
import { migration0014Escalations } from './0014_escalations.ts';
import { migration0015AccessTerms } from './0015_access_terms.ts';
import { migration0016VendorSide } from './0016_vendor_side.ts';
import { migration0017Retention } from './0017_retention.ts';
import { migration0019SealedLateFields } from './0019_sealed_late_fields.ts';
import { migration0020RowVersions } from './0020_row_versions.ts';
import { migration0021SecretPresence } from './0021_secret_presence.ts';
import { migration0022Vault } from './0022_vault.ts';
import { migration0023AuditImportedEvents } from './0023_audit_imported_events.ts';
import { migration0024PreConnectSecret } from './0024_pre_connect_secret.ts';
import { migration0025ChangeFeed } from './0025_change_feed.ts';
import { migration0026TicketPages } from './0026_ticket_pages.ts';
import { migration0028ShellsToolsOneTimeCodes } from './0028_shells_tools_one_time_codes.ts';
import { migration0029VpnProfiles } from './0029_vpn_profiles.ts';
import { migration0030VpnOneTimeCodesRdpPort } from './0030_vpn_one_time_codes_rdp_port.ts';
import { migration0031ServersEnvironmentHost } from './0031_servers_environment_host.ts';
import { migration0032MonthCustomers } from './0032_month_customers.ts';
import { migration0033RecordingChunksFile } from './0033_recording_chunks_file.ts';

/** Numbered, append-only: a released migration is never edited, a new number is added instead. */
export const migrations: Record<string, Migration> = {
  '0001_registry': migration0001Registry,
  '0002_agreements_tickets': migration0002AgreementsTickets,
  '0003_audit': migration0003Audit,
  '0004_known_hosts': migration0004KnownHosts,
  '0005_recordings': migration0005Recordings,
  '0006_time_entries': migration0006TimeEntries,
  '0007_sessions': migration0007Sessions,
  '0008_billing': migration0008Billing,
  '0009_session_choices': migration0009SessionChoices,
  '0010_pre_connect_approvals': migration0010PreConnectApprovals,
  '0011_personal_data_keys': migration0011PersonalDataKeys,
  '0012_sealed_personal_fields': migration0012SealedPersonalFields,
  '0013_sealed_billing_lines': migration0013SealedBillingLines,
  '0014_escalations': migration0014Escalations,
  '0015_access_terms': migration0015AccessTerms,
  '0016_vendor_side': migration0016VendorSide,
  '0017_retention': migration0017Retention,
  '0019_sealed_late_fields': migration0019SealedLateFields,
  '0020_row_versions': migration0020RowVersions,
  '0021_secret_presence': migration0021SecretPresence,
  '0022_vault': migration0022Vault,
  '0023_audit_imported_events': migration0023AuditImportedEvents,
  '0024_pre_connect_secret': migration0024PreConnectSecret,
  '0025_change_feed': migration0025ChangeFeed,
  '0026_ticket_pages': migration0026TicketPages,
  '0028_shells_tools_one_time_codes': migration0028ShellsToolsOneTimeCodes,
  '0029_vpn_profiles': migration0029VpnProfiles,
  '0030_vpn_one_time_codes_rdp_port': migration0030VpnOneTimeCodesRdpPort,
  '0031_servers_environment_host': migration0031ServersEnvironmentHost,
  '0032_month_customers': migration0032MonthCustomers,
  '0033_recording_chunks_file': migration0033RecordingChunksFile,
};
