import { errorDetailTemplates } from '../../../../common/api/errorDetails/index.ts';

/**
 * The backend's error details by key. The English is main's own templates (common/api/errorDetails/), so the CLI and
 * the console say the same; sv/errorDetails/ must word every key.
 */
export const errorDetails = errorDetailTemplates;
