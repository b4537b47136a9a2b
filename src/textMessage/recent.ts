import { uniqueById } from '../listPage';
import { oneCompanyOf } from '../readers';
import type { RecentItems } from '../recentItems';
import { conversationPage } from './requests';
import { conversationMessages, type TextMessageOutput } from './resource';

export interface TextQuery {
  /** Only texts of these companies; every company when undefined. */
  companies?: readonly string[] | undefined;
  directions: readonly ('received' | 'sent')[];
}

/**
 * Every recent message of the recently active conversations, newest first, each one item in
 * the same shape the instant trigger gives a webhook body. A text is whole once it is listed,
 * so no conversation is held back (a later message is an item of its own).
 */
export const recentTexts: RecentItems<TextQuery, TextMessageOutput> = {
  what: 'text conversations',
  pageFrom: (z, bundle, { companies }, { pageSize, before }) =>
    conversationPage(
      z,
      bundle,
      { company_id: oneCompanyOf(companies), end_date: before },
      pageSize,
    ),
  timeOf: (conversation) => Date.parse(String(conversation.last_message_at)),
  outputs: (conversations, { companies, directions }) => {
    const messages = conversations
      .filter(
        (conversation) => !companies || companies.includes(String(conversation.company_id ?? '')),
      )
      .flatMap(conversationMessages)
      .filter(
        (message) =>
          message.direction !== null &&
          directions.includes(message.direction as 'received' | 'sent'),
      );
    return uniqueById(
      messages.sort((a, b) => Date.parse(b.sent_at ?? '') - Date.parse(a.sent_at ?? '')),
    );
  },
};
