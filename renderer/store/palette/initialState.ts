import type { CustomerDetail, EnvironmentView, ServerView } from '../../../common/registry/model.ts';
import type { ToolIndexEntry } from '../../../common/sessions/tools.ts';

/**
 * The server the palette is connecting to, or the environment whose tool it launches, read in full (the dialog needs
 * its environment and accounts).
 */
export interface PaletteConnect {
  customer: CustomerDetail;
  environment: EnvironmentView;
  server: ServerView | null;
  /** The external tool to launch for the environment; none when connecting to the server. */
  tool?: string;
}

export interface PaletteState {
  open: boolean;
  query: string;
  /** Which result the arrows have reached; Enter takes it. */
  highlight: number;
  /** Whose recents and favourites these are: each member keeps their own. */
  memberId: string | null;
  /** Keys of servers connected to, the most recent first (at most `RECENT_LIMIT`). */
  recent: string[];
  favourites: string[];
  connect: PaletteConnect | null;
  /** The tools that launch without a server, read when the palette opens (empty until then, or when not allowed). */
  tools: ToolIndexEntry[];
  /** Why the connect dialog could not open: the server or the tool is gone, or reading its customer failed. */
  error: { gone: 'server' | 'tool' } | { message: string } | null;
}

export const RECENT_LIMIT = 8;

export const initialPaletteState: PaletteState = {
  open: false,
  query: '',
  highlight: 0,
  memberId: null,
  recent: [],
  favourites: [],
  connect: null,
  tools: [],
  error: null,
};
