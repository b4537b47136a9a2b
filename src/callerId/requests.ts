import type { Bundle, ZObject } from 'zapier-platform-core';

import { CALLER_ID_LIST_FORBIDDEN_STATUS, MAX_PER_PAGE } from '../callrailFacts';
import type { CallerId } from '../callrailTypes';
import { callRailResponse, itemsOf } from '../client';
import { checkUsCaPhoneNumber } from '../phone';
import { listActiveTrackers } from '../tracker/requests';

export interface CallerIdChoice {
  /** The E.164 number: what `caller_id` carries (see OUTBOUND_CALLER_ID_IS_PHONE_NUMBER). */
  id: string;
  name: string;
}

const e164 = (number: string): string | null => {
  const checked = checkUsCaPhoneNumber(number);
  return checked.ok ? checked.e164 : null;
};

/** The company's verified outbound caller IDs; none when the account may not list them (403). */
const verifiedCallerIds = async (
  z: ZObject,
  bundle: Bundle,
  companyId: string,
  page: number,
): Promise<CallerIdChoice[]> => {
  const response = await callRailResponse<unknown>(z, bundle, {
    path: 'caller_ids.json',
    params: { company_id: companyId, per_page: MAX_PER_PAGE, page },
    context: { action: "list the company's outbound caller IDs", resource: `company ${companyId}` },
    allowStatuses: [CALLER_ID_LIST_FORBIDDEN_STATUS],
  });
  if (response.status === CALLER_ID_LIST_FORBIDDEN_STATUS) return [];
  return itemsOf<CallerId>(z, response.data, 'caller_ids', 'the caller ID list (caller_ids.json)')
    .filter((callerId) => callerId.verified !== false)
    .flatMap((callerId) => {
      const number = e164(callerId.phone_number);
      return number
        ? [{ id: number, name: `${callerId.name ?? 'Caller ID'} (${number}), verified caller ID` }]
        : [];
    });
};

/**
 * What an outbound call can show the customer: the company's tracking numbers and its verified
 * outbound caller IDs, each once, as phone numbers. Both lists are asked for at once.
 */
export const listCallerIdChoices = async (
  z: ZObject,
  bundle: Bundle,
  { companyId, page = 1 }: { companyId: string; page?: number },
): Promise<CallerIdChoice[]> => {
  const [trackers, verified] = await Promise.all([
    listActiveTrackers(z, bundle, { companyId, page }),
    verifiedCallerIds(z, bundle, companyId, page),
  ]);
  const tracking = trackers.flatMap((tracker) =>
    tracker.tracking_numbers.flatMap((number) => {
      const id = e164(number);
      return id ? [{ id, name: `${tracker.name} (${id}), tracking number` }] : [];
    }),
  );
  const seen = new Set<string>();
  return [...tracking, ...verified].filter((choice) => !seen.has(choice.id) && seen.add(choice.id));
};
