import { createId } from '@karvon/contract';
import type { Carrier, InboundMessage } from '../carriers/carrier';
import { detectSenderKind } from '../senders/registration-rules';
import type { Repository } from '../storage/repository';
import { confirmationText, defaultHelpText, matchKeyword } from './keywords';

export interface InboundSettings {
  /** On a shared code, a reply belongs to the account that messaged the number within this. Default 30 days. */
  sharedCodeWindowMs?: number;
}

type Log = { info(fields: object, message: string): void; warn(fields: object, message: string): void };

/** `998901234567` or `+998901234567` → `+998901234567`; short codes and names stay as they are. */
function asE164(address: string): string {
  const digits = address.replace(/^\+/, '');
  return /^\d{9,15}$/.test(digits) ? `+${digits}` : address;
}

/**
 * One inbound (MO) part from a carrier. Concatenated messages wait in the database until every
 * part is in (a process may die between parts). The whole message is then attributed (the
 * account owning the number; on a shared code, the account that last messaged the sender),
 * checked for STOP/START/HELP, stored with its `message.inbound` event, and, where the number
 * can take replies, answered — from the carrier directly: a confirmation is not the customer's
 * message and is not billed.
 */
export async function handleInbound(input: {
  repository: Repository;
  carrierId: string;
  carrier: Carrier | undefined;
  message: InboundMessage;
  now: number;
  settings?: InboundSettings;
  log: Log;
}): Promise<void> {
  const { repository, message, now } = input;
  const from = asE164(message.source);
  const to = asE164(message.destination);
  let text = message.text;
  if (message.part !== null && message.part.total > 1) {
    const whole = await repository.inbound.addPart({
      carrier: input.carrierId,
      source: from,
      destination: to,
      reference: message.part.reference,
      total: message.part.total,
      seq: message.part.sequence,
      text: message.text,
      receivedAt: now,
    });
    if (whole === undefined) return;
    text = whole;
  }

  const owners = await repository.inbound.ownersOf(to);
  const accountId =
    owners.length === 1
      ? (owners[0] as string)
      : ((await repository.inbound.lastSender({
          to: from,
          via: to,
          since: now - (input.settings?.sharedCodeWindowMs ?? 30 * 86_400_000),
        })) ?? null);

  const keyword = matchKeyword(text);
  if (keyword && keyword.action !== 'help' && (accountId !== null || keyword.action === 'opt_out')) {
    // Unattributed STOP on a shared code: no account can be told, so the number is opted out everywhere.
    await repository.consentLedger.record({
      accountId,
      phoneNumber: from,
      action: keyword.action,
      scope: keyword.action === 'opt_out' && (keyword.scope === 'all' || accountId === null) ? 'all' : 'account',
      source: 'keyword',
      keyword: keyword.keyword,
      at: now,
    });
  }
  await repository.inbound.record({
    id: createId('message', { now }),
    accountId,
    from,
    to,
    body: text,
    carrier: input.carrierId,
    keyword: keyword?.keyword ?? null,
    action: keyword?.action ?? null,
    receivedAt: now,
  });
  input.log.info(
    { from, to, carrier: input.carrierId, attributed: accountId !== null, keyword: keyword?.action },
    'inbound message',
  );

  if (!keyword || !input.carrier) return;
  const kind = detectSenderKind(to);
  if (!kind.ok || kind.kind === 'alphanumeric') return; // nothing can be sent back from a name
  const accountName = accountId ? ((await repository.accounts.get(accountId))?.name ?? '') : '';
  const reply =
    keyword.action === 'help'
      ? defaultHelpText(keyword.language, { accountName })
      : confirmationText(keyword.action, keyword.language, { accountName });
  const outcome = await input.carrier.submit({
    id: `reply:${from}`,
    destination: from,
    source: to,
    senderKind: kind.kind,
    text: reply,
    encoding: 'auto',
    registeredDelivery: false,
  });
  if (outcome.kind !== 'accepted') input.log.warn({ to: from, outcome: outcome.kind }, 'keyword reply not sent');
}
