import type { en } from '../en/index.ts';
import type { Translation } from '../translation.ts';
import { audit } from './audit.ts';
import { common } from './common.ts';
import { contracts } from './contracts.ts';
import { customer } from './customer.ts';
import { customers } from './customers.ts';
import { errors } from './errors.ts';
import { palette } from './palette.ts';
import { reasons } from './reasons.ts';
import { remoteAccess } from './remoteAccess.ts';
import { review } from './review.ts';
import { sessions } from './sessions.ts';
import { lock, setup } from './setup.ts';
import { shell } from './shell.ts';
import { tickets } from './tickets.ts';
import { vocabulary } from './vocabulary.ts';

export const sv: Translation<typeof en> = {
  audit,
  common,
  contracts,
  customer,
  customers,
  errors,
  lock,
  palette,
  reasons,
  remoteAccess,
  review,
  sessions,
  setup,
  shell,
  tickets,
  vocabulary,
};
