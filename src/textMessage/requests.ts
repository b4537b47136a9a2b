import type { Bundle, ZObject } from 'zapier-platform-core';

import { SMS_LIMITS } from '../callrailFacts';
import { callRail, type QueryValue } from '../client';
import { presentValues, type Raw } from '../fieldTable';
import { offsetListPage, POLL_PAGE_SIZE, readNewest, uniqueById } from '../polling';
import { conversationResource, hasCustomerDigits, type ConversationOutput } from './conversation';
import { conversationMessages, type TextMessageOutput } from './resource';
import { sentTextResource, type SentText } from './sentText';

/** A customer rarely has more than a few conversations (one per tracking number). */
const SEARCH_PAGE_SIZE = 25;

export interface Outgoing {
  companyId: string;
  trackingNumber: string;
  customerNumber: string;
  parts: string[];
  mediaUrl: string | undefined;
  message: string;
}

/** Zapier's errors carry their message as JSON. */
const innerMessage = (error: Error): string => {
  try {
    return String((JSON.parse(error.message) as { message: unknown }).message);
  } catch {
    return error.message;
  }
};

/**
 * After one part has gone out, nothing may make Zapier run the step again (not even a 429):
 * the parts already sent would be sent twice.
 */
const partialFailure = (z: ZObject, error: unknown, sent: number, total: number) =>
  new z.errors.Error(
    `Sent ${sent} of ${total} texts, then CallRail stopped: ${innerMessage(error as Error)} ` +
      `Do not re-run this step as it is, or the first ${sent === 1 ? 'text' : `${sent} texts`} would be sent again; send the rest from CallRail.`,
    'PartiallySent',
    502,
  );

/** What was sent, completed by whatever CallRail answered (which may be nothing at all). */
const toOutput = (answer: unknown, outgoing: Outgoing): SentText =>
  sentTextResource.normalize({
    customer_phone_number: outgoing.customerNumber,
    tracking_number: outgoing.trackingNumber,
    company_id: outgoing.companyId,
    ...presentValues(answer),
    message: outgoing.message,
    parts_sent: outgoing.parts.length,
    media_url: outgoing.mediaUrl,
  });

const sendPart = (z: ZObject, bundle: Bundle, outgoing: Outgoing, index: number) =>
  callRail<unknown>(z, bundle, {
    method: 'POST',
    path: 'text-messages.json',
    body: {
      company_id: outgoing.companyId,
      tracking_number: outgoing.trackingNumber,
      customer_phone_number: outgoing.customerNumber,
      content: outgoing.parts[index],
      ...(outgoing.mediaUrl && index === 0 ? { media_url: outgoing.mediaUrl } : {}),
    },
    context: {
      action: 'send the text',
      resource: `company ${outgoing.companyId} or tracking number ${outgoing.trackingNumber}`,
      isWrite: true,
      notFoundHint: 'Choose the company and one of its texting numbers from the dropdowns.',
      forbiddenHint:
        'Texting through the CallRail API must be switched on for your account by CallRail support: ask them to enable it. The tracking number must also be SMS-enabled and registered for business texting (10DLC).',
      throttleHint: `CallRail allows ${SMS_LIMITS.perHour} texts an hour and ${SMS_LIMITS.perDay.toLocaleString('en-US')} a day per account`,
    },
  });

/** Sends each part once, in order; never retried (CallRail has no idempotency keys). */
export const sendTexts = async (
  z: ZObject,
  bundle: Bundle,
  outgoing: Outgoing,
): Promise<SentText> => {
  let answer = await sendPart(z, bundle, outgoing, 0);
  for (let index = 1; index < outgoing.parts.length; index += 1) {
    try {
      answer = await sendPart(z, bundle, outgoing, index);
    } catch (error) {
      throw partialFailure(z, error, index, outgoing.parts.length);
    }
  }
  return toOutput(answer, outgoing);
};

const CONVERSATIONS_ENDPOINT = 'the text conversations (text-messages.json)';

/** Conversations, the most recently active first (CallRail's order), one page or a burst. */
const conversationPage = (
  z: ZObject,
  bundle: Bundle,
  params: Record<string, QueryValue>,
  pageSize: number,
  page?: number,
) =>
  offsetListPage<Raw>(z, bundle, {
    path: 'text-messages.json',
    key: 'conversations',
    endpoint: CONVERSATIONS_ENDPOINT,
    action: 'list text conversations',
    params,
    pageSize,
    page,
  });

export interface RecentTextsOptions {
  companyId?: string;
  directions: readonly ('received' | 'sent')[];
  pageSize: number;
  followBursts: boolean;
}

/**
 * Every recent message of the recently active conversations, newest first, each one item in
 * the same shape the instant trigger gives a webhook body.
 */
export const fetchRecentTexts = async (
  z: ZObject,
  bundle: Bundle,
  { companyId, directions, pageSize, followBursts }: RecentTextsOptions,
): Promise<TextMessageOutput[]> => {
  const conversations = await readNewest(
    z,
    bundle,
    (before) => conversationPage(z, bundle, { company_id: companyId, end_date: before }, pageSize),
    {
      timeOf: (conversation) => Date.parse(String(conversation.last_message_at)),
      pageSize,
      followBursts,
      what: 'text conversations',
    },
  );
  const messages = conversations
    .filter((conversation) => !companyId || conversation.company_id === companyId)
    .flatMap(conversationMessages)
    .filter(
      (message) =>
        message.direction !== null && directions.includes(message.direction as 'received' | 'sent'),
    );
  return uniqueById(
    messages.sort((a, b) => Date.parse(b.sent_at ?? '') - Date.parse(a.sent_at ?? '')),
  );
};

/** Conversations for the dropdown, the most recently active first. */
export const listConversations = async (
  z: ZObject,
  bundle: Bundle,
  { companyId, page }: { companyId?: string; page: number },
): Promise<ConversationOutput[]> => {
  const found = await conversationPage(
    z,
    bundle,
    { company_id: companyId },
    POLL_PAGE_SIZE,
    page + 1,
  );
  return found.items.map(conversationResource.normalize);
};

/** Conversations with a customer number ending in `digits`, the most recently active first. */
export const searchConversations = async (
  z: ZObject,
  bundle: Bundle,
  { digits, companyId }: { digits: string; companyId?: string },
): Promise<ConversationOutput[]> => {
  const found = await conversationPage(
    z,
    bundle,
    { search: digits, company_id: companyId },
    SEARCH_PAGE_SIZE,
  );
  // `search` also matches names; keep conversations whose customer number is this number.
  return found.items
    .map(conversationResource.normalize)
    .filter((conversation) => hasCustomerDigits(conversation, digits))
    .filter((conversation) => !companyId || conversation.company_id === companyId)
    .sort((a, b) => Date.parse(b.last_message_at ?? '') - Date.parse(a.last_message_at ?? ''));
};
