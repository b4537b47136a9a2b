import { CALLRAIL_API_BASE } from './callrailFacts';

/** For local runs against a stand-in of CallRail (the sandbox); never set in production. */
export const API_BASE_ENV = 'CALLRAIL_API_BASE';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);
const isLoopback = (hostname: string): boolean =>
  LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);

/**
 * The base every request is sent to. An override must be `https://…`, or `http://` on loopback,
 * so the API key can never travel in clear text to another machine.
 */
export const resolveApiBase = (
  override: string | undefined = process.env[API_BASE_ENV],
): string => {
  if (override === undefined || override.trim() === '') return CALLRAIL_API_BASE;
  let url: URL;
  try {
    url = new URL(override.trim());
  } catch {
    throw new Error(`${API_BASE_ENV} must be a URL such as http://127.0.0.1:8080/v3.`);
  }
  const allowed =
    url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
  if (!allowed || url.username || url.password || url.search || url.hash) {
    throw new Error(
      `${API_BASE_ENV} may only point at https:// or at http:// on this machine ` +
        `(127.0.0.1, localhost or [::1]); remove it to talk to CallRail.`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
};
