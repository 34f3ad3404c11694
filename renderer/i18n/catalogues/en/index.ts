import { accessReport } from './accessReport.ts';
import { audit } from './audit.ts';
import { billing } from './billing.ts';
import { common } from './common.ts';
import { connect } from './connect.ts';
import { contracts } from './contracts.ts';
import { customer } from './customer.ts';
import { customers } from './customers.ts';
import { errorDetails } from './errorDetails.ts';
import { errors } from './errors.ts';
import { forms } from './forms.ts';
import { palette } from './palette.ts';
import { reasons } from './reasons.ts';
import { recordings } from './recordings.ts';
import { remoteAccess } from './remoteAccess.ts';
import { retention } from './retention.ts';
import { review } from './review.ts';
import { sessions } from './sessions.ts';
import { lock, setup } from './setup.ts';
import { shell } from './shell.ts';
import { shortcuts } from './shortcuts.ts';
import { team } from './team.ts';
import { terminal } from './terminal.ts';
import { tickets } from './tickets.ts';
import { timesheet } from './timesheet.ts';
import { vocabulary } from './vocabulary.ts';
import { vpn } from './vpn.ts';

/**
 * The English catalogue, one namespace per part of the console. A feature adds its own namespace file here (and the
 * same in sv/), so two features never edit one file.
 */
export const en = {
  accessReport,
  audit,
  billing,
  common,
  connect,
  contracts,
  customer,
  customers,
  errorDetails,
  errors,
  forms,
  lock,
  palette,
  reasons,
  recordings,
  remoteAccess,
  retention,
  review,
  sessions,
  setup,
  shell,
  shortcuts,
  team,
  terminal,
  tickets,
  timesheet,
  vocabulary,
  vpn,
} as const;
