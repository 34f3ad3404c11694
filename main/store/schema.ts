
/*
 * Table shapes as the query layer sees them. Instants are UTC epoch milliseconds; booleans are 0/1 so the same
 * queries run on SQLite and, later, PostgreSQL (as smallint) without a dialect switch.
 */

interface Attributed {
  created_at: number;
  created_by: string;
  updated_at: number;
  updated_by: string;
}

export interface UsersTable {
  id: string;
  name: string;
  email: string;
  role: string;
  is_local: number;
  created_at: number;
}

export interface CustomersTable extends Attributed {
  id: string;
  name: string;
  org_number: string;
  kind: string;
  notes: string;
}

export interface ContactsTable extends Attributed {
  id: string;
  customer_id: string;
  name: string;
  email: string;
  phone: string;
  role: string;
  admin_training_done: number;
  tool_training_done: number;
}

export interface EnvironmentsTable extends Attributed {
  id: string;
  customer_id: string;
  name: string;
  notes: string;
  vpn_type: string;
  vpn_gateway: string;
  teamviewer_id: string;
  access_method: string;
  /** JSON array of tool names. */
  supported_tools: string;
  access_notes: string;
}

export interface ServersTable extends Attributed {
  id: string;
  environment_id: string;
  host: string;
  port: number;
  role: string;
  os: string;
  notes: string;
}

export interface SupportAccountsTable extends Attributed {
  id: string;
  environment_id: string;
  username: string;
  notes: string;
  secret: string | null;
  secret_updated_at: number | null;
}


export interface DatabaseSchema {
  users: UsersTable;
  customers: CustomersTable;
  contacts: ContactsTable;
  environments: EnvironmentsTable;
  servers: ServersTable;
  support_accounts: SupportAccountsTable;
}
