import type { CustomerDetail, EnvironmentView, ServerView } from '../../../common/registry/model.ts';

/** The server the palette is connecting to, read in full (the dialog needs its environment and accounts). */
export interface PaletteConnect {
  customer: CustomerDetail;
  environment: EnvironmentView;
  server: ServerView;
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
  /** Why the connect dialog could not open: the server is gone, or reading its customer failed. */
  error: { gone: true } | { message: string } | null;
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
  error: null,
};
