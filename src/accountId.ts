import { ACCOUNT_ID_PATTERN, NUMERIC_ACCOUNT_ID_PATTERN } from './callrailFacts';

/** An address copied from CallRail's web app, e.g. https://app.callrail.com/a/123456789/calls. */
const APP_URL = /^(?:https?:\/\/)?app\.callrail\.com\/a\/(\d{9})(?:[/?#].*)?$/i;

/**
 * The account id goes into every URL path, so only the two forms CallRail issues get through:
 * `ACC` + 32 hex, or the 9-digit account number (CallRail's screens show it as 123-456-789),
 * also when pasted as the address of an app.callrail.com page of the account.
 * Returns null for anything else.
 */
export const normalizeAccountId = (raw: unknown): string | null => {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim().replace(APP_URL, '$1');
  if (ACCOUNT_ID_PATTERN.test(trimmed)) return `ACC${trimmed.slice(3).toLowerCase()}`;
  const digits = /^\d{3}-\d{3}-\d{3}$/.test(trimmed) ? trimmed.replace(/-/g, '') : trimmed;
  return NUMERIC_ACCOUNT_ID_PATTERN.test(digits) ? digits : null;
};

export const INVALID_ACCOUNT_ID_MESSAGE =
  'The Account ID must be your CallRail account ID: "ACC" followed by 32 letters and digits ' +
  '(from Settings > Account), or the 9-digit account number in the address bar of app.callrail.com ' +
  '(after /a/; pasting the whole address works too). Reconnect CallRail with one of those.';
