import {
  createId,
  type ErrorCode,
  expandSendMessageRequest,
  isBatchRequest,
  type MessageId,
  type SendMessageRequest,
  type SendMessageResponse,
  type SendRejected,
  type SendResult,
  type SingleMessage,
  toJsonPointer,
} from '@karvon/contract';
import { analyze } from '@karvon/sdk/encoding';
import { checkConsent, toOptOutScope } from '../compliance/consent-rules';
import { nextAllowedSendTime } from '../compliance/quiet-hours';
import { cachesOf } from '../http/gateway-caches';
import type { GatewayContext } from '../http/gateway-context';
import { quote } from '../money/pricing';
import { optOutLinkUrl } from '../opt-out-links/link-url';
import { sandboxOutcome } from '../sandbox/magic-numbers';
import { resolveSchedule } from '../scheduling/resolve-schedule';
import { resolveExpiresAt } from '../scheduling/validity';
import { checkSender, type SenderRegistration } from '../senders/registration-rules';
import type {
  AccountRecord,
  ConsentRecord,
  IdempotencyCompletion,
  NewMessage,
  OptOutRecord,
  SenderRecord,
  TemplateRecord,
} from '../storage/repository';
import { renderTemplate } from '../templates/render-template';
import { parseRecipient, type Recipient } from './parse-recipient';

export interface AcceptInput {
  account: AccountRecord;
  mode: 'live' | 'test';
  request: SendMessageRequest;
  /**
   * Batch items the schema already refused (see splitBatchIssues): their
   * results, by index in the original request. `request.messages` then holds
   * only the other items, in order.
   */
  preRejected?: ReadonlyMap<number, SendRejected>;
  /** Given the response, the idempotency completion to commit with the acceptance (see http/plugins/idempotency). */
  completeIdempotency?: (response: SendMessageResponse) => IdempotencyCompletion | undefined;
}

export type AcceptOutcome =
  | { kind: 'ok'; response: SendMessageResponse }
  /** A single-message request whose message was refused: answered as a problem. */
  | { kind: 'rejected'; code: ErrorCode; detail: string; pointer: string }
  | { kind: 'insufficient_balance'; balance: number; total: number; currency: string };

class Rejection {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly field: string,
  ) {}
}

/**
 * The send pipeline. Each message is checked on its own (number, content,
 * sender, compliance) and priced; then every valid message is accepted in ONE
 * atomic repository operation, or none when the balance does not cover them
 * all (402). Invalid messages are rejected individually, in request order.
 */
/** Written in a body or template, replaced by the recipient's opt-out link. */
export const OPT_OUT_LINK_PLACEHOLDER = '{opt_out_link}';

export async function acceptMessages(ctx: GatewayContext, input: AcceptInput): Promise<AcceptOutcome> {
  const { account, mode, request } = input;
  const batch = isBatchRequest(request);
  const items = expandSendMessageRequest(request);
  const now = ctx.now();
  const templates = new Map<string, Promise<TemplateRecord | undefined>>();
  const registrations = new Map<string, Promise<SenderRecord[]>>();
  let defaultSender: Promise<SenderRecord | undefined> | undefined;

  const preRejected = input.preRejected ?? new Map<number, SendRejected>();
  const total = items.length + preRejected.size;
  // Original request index of each remaining item.
  const originalIndex: number[] = [];
  for (let i = 0; originalIndex.length < items.length; i++) if (!preRejected.has(i)) originalIndex.push(i);
  const results: (SendResult | undefined)[] = new Array(total);
  for (const [index, rejected] of preRejected) results[index] = rejected;
  const accepted: { index: number; message: NewMessage }[] = [];

  // Numbers first, then the opt-outs and consents of every valid one in one
  // query each (not one query per recipient: a batch of 1,000 is 2 queries).
  const phones = items.map((item) => parseRecipient(item.to));
  const numbers: string[] = [];
  const marketingNumbers: string[] = [];
  phones.forEach((phone, position) => {
    if (!phone.valid) return;
    numbers.push(phone.e164);
    if ((items[position] as SingleMessage).type === 'marketing') marketingNumbers.push(phone.e164);
  });
  const [optOuts, consents] = await Promise.all([
    numbers.length > 0 ? ctx.repository.optOuts.getMany(account.id, numbers) : new Map<string, OptOutRecord>(),
    marketingNumbers.length > 0
      ? ctx.repository.consents.getMany(account.id, marketingNumbers)
      : new Map<string, ConsentRecord>(),
  ]);

  const prepare = async (item: SingleMessage, position: number): Promise<NewMessage | Rejection> => {
    const phone = phones[position] as Recipient;
    if (!phone.valid) {
      return phone.reason === 'not_a_mobile_number'
        ? new Rejection('not_a_mobile_number', 'The recipient is not a mobile number.', 'to')
        : new Rejection('invalid_phone_number', phone.message, 'to');
    }
    const type = item.type ?? 'transactional';

    let body = item.body;
    let template: TemplateRecord | undefined;
    if (body === undefined && item.template !== undefined) {
      let pending = templates.get(item.template);
      if (!pending) {
        pending = ctx.repository.templates.get(account.id, item.template);
        templates.set(item.template, pending);
      }
      template = await pending;
      if (!template) return new Rejection('template_not_found', 'No template with this id or name.', 'template');
      // `{opt_out_link}` is the gateway's own variable: filled per recipient below.
      const variables =
        template.body.includes(OPT_OUT_LINK_PLACEHOLDER) && item.variables?.opt_out_link === undefined
          ? { ...item.variables, opt_out_link: OPT_OUT_LINK_PLACEHOLDER }
          : (item.variables ?? {});
      const rendered = renderTemplate(template.body, variables);
      if (!rendered.ok) {
        if (rendered.reason === 'variables' && rendered.missing.length > 0) {
          return new Rejection(
            'missing_template_variables',
            `Missing template variables: ${rendered.missing.join(', ')}.`,
            'variables',
          );
        }
        if (rendered.reason === 'variables') {
          return new Rejection(
            'validation_failed',
            `Unknown template variables: ${rendered.unknown.join(', ')}.`,
            'variables',
          );
        }
        return new Rejection('validation_failed', 'The template cannot be rendered.', 'template');
      }
      body = rendered.text;
    }
    if (body === undefined || body.trim() === '') return new Rejection('empty_body', 'The message is empty.', 'body');
    if (body.includes(OPT_OUT_LINK_PLACEHOLDER)) {
      // A short link for this recipient to opt out from a page (replies rarely reach alphanumeric senders).
      const code = await ctx.repository.optOutLinks.codeFor({ accountId: account.id, phoneNumber: phone.e164, now });
      body = body.replaceAll(OPT_OUT_LINK_PLACEHOLDER, optOutLinkUrl(ctx.publicUrl, code));
    }

    let from = item.from;
    if (from === undefined) {
      defaultSender ??= cachesOf(ctx).senders.get(`default\0${account.id}`, now, () =>
        ctx.repository.senders.getDefault(account.id),
      ) as Promise<SenderRecord | undefined>;
      from = account.defaultSender ?? (await defaultSender)?.sender;
      if (from === undefined) {
        return new Rejection(
          'invalid_sender',
          'No `from` given and the account has no approved default sender.',
          'from',
        );
      }
    }
    let regs = registrations.get(from);
    if (!regs) {
      // Cached ≤ 1 s across requests (gateway-caches); POST/DELETE /senders clear it.
      regs = cachesOf(ctx).senders.get(`${account.id}\0${from}`, now, () =>
        ctx.repository.senders.findBySender(account.id, from),
      ) as Promise<SenderRecord[]>;
      registrations.set(from, regs);
    }
    const senderRegistrations: SenderRegistration[] = (await regs)
      .filter((r) => r.country !== null)
      .map((r) => ({
        sender: r.sender,
        country: r.country as string,
        operator: r.operator ?? undefined,
        status: r.status === 'approved' ? 'approved' : r.status === 'rejected' ? 'rejected' : 'pending',
      }));
    const operator = phone.operatorHint?.operator;
    const sender = checkSender({ sender: from, country: phone.country, operator, registrations: senderRegistrations });
    if (!sender.ok) {
      return sender.code === 'invalid_sender'
        ? new Rejection('invalid_sender', `The sender ID is not valid (${sender.reason}).`, 'from')
        : new Rejection('sender_not_registered', `The sender is not registered for ${sender.country}.`, 'from');
    }

    const optOut = optOuts.get(phone.e164);
    const consent = type === 'marketing' ? consents.get(phone.e164) : undefined;
    const compliance = checkConsent({
      type,
      optOuts: optOut ? [{ scope: toOptOutScope(optOut.scope) }] : [],
      consent: consent && { source: consent.source, grantedAt: consent.consentedAt, proof: consent.proof ?? undefined },
    });
    if (!compliance.ok) {
      return compliance.code === 'opted_out'
        ? new Rejection('opted_out', 'The recipient opted out of these messages.', 'to')
        : new Rejection('consent_required', 'Marketing needs a recorded consent of the recipient.', 'to');
    }

    const analysis = analyze(body, { smartEncoding: item.smartEncoding === true });
    const text = 'text' in analysis && typeof analysis.text === 'string' ? analysis.text : body;
    const price = quote(ctx.priceTable, { country: phone.country, operator, type, segments: analysis.segments });
    if (!price.ok) {
      return new Rejection('destination_not_supported', 'The gateway has no price for this destination.', 'to');
    }

    const schedule = resolveSchedule({ scheduledAt: item.scheduledAt, timezone: item.timezone, now });
    if (!schedule.ok) return new Rejection('validation_failed', schedule.message, 'scheduledAt');
    // Validity counts from the requested time; quiet hours may move the
    // dispatch later but never past it (the queue then expires the message,
    // with its own status and a refund, since no carrier saw it).
    const expiresAt = resolveExpiresAt({ dispatchAt: schedule.sendAt, type, validityPeriod: item.validityPeriod });
    const quiet = nextAllowedSendTime({
      now: schedule.sendAt,
      country: phone.country,
      type,
      timeZone: item.timezone,
      expiresAt,
    });
    if (!quiet.ok && quiet.reason === 'unknown_time_zone') {
      return new Rejection(
        'validation_failed',
        "Name the recipient's `timezone`: quiet hours apply to marketing.",
        'timezone',
      );
    }
    if (!quiet.ok && quiet.reason === 'no_allowed_time') {
      return new Rejection(
        'validation_failed',
        "Quiet hours leave no time to send in the recipient's zones.",
        'timezone',
      );
    }
    const notBefore = quiet.sendAt;
    const scheduled = schedule.scheduled || notBefore > now;
    // A sandbox outcome that happens in the queue holds the message there for
    // its delay; the sandbox job moves it when `not_before` passes.
    const sandbox = mode === 'test' && !scheduled ? sandboxOutcome(phone.e164) : undefined;
    const hold = sandbox?.stage === 'queue' ? now + sandbox.delayMs : null;
    const createdAt = now;
    return {
      id: createId('message', { now: createdAt }),
      to: phone.e164,
      from,
      body: text,
      type,
      encoding: analysis.encoding,
      segments: analysis.segments,
      price: price.price.amount,
      currency: price.price.currency,
      status: scheduled ? 'scheduled' : 'queued',
      priority: type === 'transactional' ? 1 : 0,
      notBefore: scheduled ? notBefore : hold,
      scheduledAt: scheduled ? new Date(notBefore).toISOString() : null,
      expiresAt,
      operator: operator ?? null,
      operatorSource: operator ? 'prefix' : null,
      mode,
      country: phone.country ?? null,
      templateId: template?.id ?? null,
      templateVersion: template?.version ?? null,
      clientReference: item.clientReference ?? null,
      metadata: item.metadata ?? null,
      callbackUrl: item.callbackUrl ?? null,
      createdAt,
      ledgerEntryId: createId('ledgerEntry', { now: createdAt }),
    };
  };

  const prepared = await Promise.all(items.map((item, position) => prepare(item, position)));
  prepared.forEach((outcome, position) => {
    const index = originalIndex[position] as number;
    const item = items[position] as SingleMessage;
    const reference = item.clientReference !== undefined ? { clientReference: item.clientReference } : {};
    if (outcome instanceof Rejection) {
      const pointer = toJsonPointer(batch ? ['messages', index, outcome.field] : [outcome.field]);
      results[index] = {
        index,
        status: 'rejected',
        to: item.to,
        error: { code: outcome.code, detail: outcome.detail, pointer },
        ...reference,
      };
    } else {
      accepted.push({ index, message: outcome });
    }
  });

  if (!batch && accepted.length === 0) {
    const only = results[0];
    if (only?.status === 'rejected') {
      return {
        kind: 'rejected',
        code: only.error.code as ErrorCode,
        detail: only.error.detail,
        pointer: only.error.pointer ?? '',
      };
    }
  }

  for (const { index, message } of accepted) {
    results[index] = {
      index,
      status: 'accepted',
      id: message.id as MessageId,
      messageStatus: message.status,
      to: message.to,
      encoding: message.encoding,
      segments: message.segments,
      price: { amount: message.price, currency: message.currency },
      ...(message.clientReference !== null ? { clientReference: message.clientReference } : {}),
    };
  }
  const final = results as SendResult[];
  const response: SendMessageResponse = {
    results: final,
    accepted: accepted.length,
    rejected: final.length - accepted.length,
  };
  if (accepted.length > 0) {
    // The response is known before the commit, so an idempotency key's
    // completion can be written in the acceptance's transaction (decision 0009).
    const idempotency = input.completeIdempotency?.(response);
    const result = await ctx.repository.messages.accept(
      account.id,
      accepted.map((a) => a.message),
      idempotency ? { idempotency } : {},
    );
    if (!result.ok) {
      return { kind: 'insufficient_balance', balance: result.balance, total: result.total, currency: account.currency };
    }
    // Committed: the dispatcher of this process may take them now instead of at its next poll.
    if (mode === 'live') ctx.onAccepted?.();
  }
  return { kind: 'ok', response };
}
