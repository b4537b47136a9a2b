import type { FactName } from '../../src/callrailFactRegistry';
import type { Raw } from '../../src/fieldTable';
import { failureOf, isPassing, type Probe } from './probe';
import { differs, notChecked, type Finding } from './report';

/** What every check needs: the app's code against the connection, and what earlier ones read. */
export interface SmokeContext {
  probe: Probe;
  /** The API base under test. */
  base: string;
  /** The company the company-scoped checks use (`--company`, else the first active one). */
  companyId: string | undefined;
  /** Items each list answered, by path, for the checks that build on them. */
  listed: Map<string, Raw[]>;
}

/**
 * Runs one check. App code that throws is CallRail answering otherwise (`differs`), unless the
 * failure says nothing about the fact (an outage, a 429): then `not checked`.
 */
export const attempt = async (
  fact: FactName,
  checked: string,
  check: () => Promise<Finding | Finding[]>,
): Promise<Finding[]> => {
  try {
    const found = await check();
    return Array.isArray(found) ? found : [found];
  } catch (error) {
    const failure = failureOf(error);
    if (isPassing(failure)) {
      return [notChecked(fact, checked, `CallRail did not answer usefully: ${failure.message}`)];
    }
    // A list without its items (the app's itemsOf) is the envelope's fault, whatever was asked.
    const blamed = failure.code === 'CallRailUnexpectedResponse' ? 'list_envelopes' : fact;
    return [differs(blamed, checked, failure.message)];
  }
};

export const listedOf = (context: SmokeContext, path: string): Raw[] =>
  context.listed.get(path) ?? [];
