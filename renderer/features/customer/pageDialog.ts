import type { CertificateView } from '../../../common/environments/certificates.ts';
import type { MaintenanceNoticeView } from '../../../common/environments/maintenanceNotices.ts';
import type {
  ContactView,
  EnvironmentView,
  ServerView,
  SupportAccountView,
} from '../../../common/registry/model.ts';
import type { ConnectKind } from '../sessions/connectKinds.ts';

/** The one dialog the customer page may show at a time, with what it works on. */
export type PageDialog =
  | { kind: 'editCustomer' }
  | { kind: 'deleteCustomer' }
  | { kind: 'contact'; contact?: ContactView }
  | { kind: 'deleteContact'; contact: ContactView }
  | { kind: 'environment'; environment?: EnvironmentView }
  | { kind: 'deleteEnvironment'; environment: EnvironmentView }
  | { kind: 'server'; environment: EnvironmentView; server?: ServerView }
  | { kind: 'deleteServer'; server: ServerView }
  | { kind: 'supportAccount'; environment: EnvironmentView; account?: SupportAccountView }
  | { kind: 'deleteSupportAccount'; account: SupportAccountView }
  /** The account's stored secret, or its one-time code seed (`seed`). */
  | { kind: 'revealSecret'; account: SupportAccountView; seed?: boolean }
  | { kind: 'revealVpnSeed'; environment: EnvironmentView }
  | { kind: 'certificate'; environment: EnvironmentView; certificate?: CertificateView }
  | { kind: 'deleteCertificate'; certificate: CertificateView }
  | { kind: 'notice'; environment: EnvironmentView; notice?: MaintenanceNoticeView }
  | { kind: 'deleteNotice'; notice: MaintenanceNoticeView }
  /** A session from this environment: SSH to `server`, or a local terminal when there is none. */
  | {
      kind: 'openSession';
      environment: EnvironmentView;
      server: ServerView | null;
      /** How to connect to the server (its row's button); SSH when not said. */
      sessionKind?: ConnectKind | 'tool';
      /** The external tool to launch, for `sessionKind` `tool`. */
      tool?: string;
    };

export type OpenDialog = (dialog: PageDialog) => void;
