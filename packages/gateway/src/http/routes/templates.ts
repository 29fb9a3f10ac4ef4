import {
  createId,
  listParamsSchema,
  PAGE_LIMITS,
  type Template,
  type TemplateId,
  type TemplatePreview,
  templatePreviewRequestSchema,
  templateUpsertRequestSchema,
} from '@karvon/contract';
import { analyze } from '@karvon/sdk/encoding';
import type { FastifyInstance } from 'fastify';
import { parseRecipient } from '../../messages/parse-recipient';
import { quote } from '../../money/pricing';
import type { TemplateRecord } from '../../storage/repository';
import {
  extractVariables,
  parseTemplate,
  renderTemplate,
  type TemplateSyntaxError,
} from '../../templates/render-template';
import type { GatewayContext } from '../gateway-context';
import { HttpProblem } from '../http-problem';
import { authOf } from '../plugins/authenticate';
import { addRoute, parseBody, parseQuery } from '../route';

function syntaxDetail(error: TemplateSyntaxError): string {
  const what = {
    invalid_placeholder: 'an invalid placeholder',
    unclosed_placeholder: 'an unclosed placeholder',
    unmatched_brace: 'an unmatched brace',
  }[error.reason];
  return `The body has ${what} at offset ${error.index}; write {name} placeholders, and {{ or }} for literal braces.`;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function templateView(record: TemplateRecord, preview?: TemplatePreview): Template {
  return {
    id: record.id as TemplateId,
    name: record.name,
    version: record.version,
    body: record.body,
    ...(record.type !== null ? { type: record.type } : {}),
    variables: record.variables,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    ...(preview ? { preview } : {}),
  };
}

/** Where a preview is priced: the recipient's country and operator, or the default country. */
interface Destination {
  country: string | undefined;
  operator?: string | undefined;
}

/**
 * The destination of a preview's `to`, read exactly as a send reads its
 * recipient (same parser, same operator hint), so the preview's price is the
 * price a send to that number would be quoted. An invalid `to` is a 422 on `/to`.
 */
function destinationOf(ctx: GatewayContext, to: string | undefined): Destination {
  if (to === undefined) return { country: ctx.defaultCountry };
  const phone = parseRecipient(to);
  if (!phone.valid) {
    const code = phone.reason === 'not_a_mobile_number' ? 'not_a_mobile_number' : 'invalid_phone_number';
    throw new HttpProblem(code, { errors: [{ pointer: '/to', code, detail: phone.message }] });
  }
  return { country: phone.country, operator: phone.operatorHint?.operator };
}

/** Renders, counts segments and prices a body for a destination; 422 lists missing variables. */
function renderPreview(
  ctx: GatewayContext,
  body: string,
  variables: Record<string, string | number>,
  type: 'transactional' | 'marketing',
  pointer: string,
  destination: Destination = { country: ctx.defaultCountry },
): TemplatePreview {
  const rendered = renderTemplate(body, variables);
  if (!rendered.ok) {
    if (rendered.reason === 'variables' && rendered.missing.length > 0) {
      throw new HttpProblem('missing_template_variables', {
        detail: `Missing template variables: ${rendered.missing.join(', ')}.`,
        errors: rendered.missing.map((name) => ({
          pointer: `${pointer}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`,
          code: 'missing_template_variables',
          detail: `No value for {${name}}`,
        })),
      });
    }
    if (rendered.reason === 'variables') {
      throw new HttpProblem('validation_failed', {
        detail: `Unknown template variables: ${rendered.unknown.join(', ')}.`,
        errors: rendered.unknown.map((name) => ({
          pointer: `${pointer}/${name}`,
          code: 'unknown_field',
          detail: `The template has no {${name}}`,
        })),
      });
    }
    throw new HttpProblem('validation_failed', {
      errors: [{ pointer: '/body', code: 'invalid_field', detail: syntaxDetail(rendered.error) }],
    });
  }
  const analysis = analyze(rendered.text);
  const price = quote(ctx.priceTable, { ...destination, type, segments: analysis.segments });
  return {
    text: rendered.text,
    encoding: analysis.encoding,
    segments: analysis.segments,
    ...(price.ok ? { price: price.price } : {}),
  };
}

function checkSyntax(body: string): string[] {
  const parsed = parseTemplate(body);
  if (!parsed.ok) {
    throw new HttpProblem('validation_failed', {
      detail: syntaxDetail(parsed.error),
      errors: [{ pointer: '/body', code: 'invalid_field', detail: syntaxDetail(parsed.error) }],
    });
  }
  return extractVariables(body);
}

export function templateRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  addRoute(app, 'POST', '/template', async (request, reply) => {
    const { account } = authOf(request);
    const input = parseBody(templateUpsertRequestSchema, request.body);
    const variables = checkSyntax(input.body);
    const type = input.type ?? 'transactional';
    // Preview first: a request whose preview fails saves nothing.
    const preview = input.preview
      ? renderPreview(ctx, input.body, input.preview.variables, type, '/preview/variables')
      : undefined;
    const now = ctx.now();
    const result = await ctx.repository.templates.upsert(account.id, {
      ...(input.id !== undefined ? { id: input.id } : {}),
      newId: createId('template', { now }),
      name: input.name,
      body: input.body,
      type: input.type ?? null,
      variables,
      now,
    });
    if (!result.ok) {
      if (result.reason === 'not_found') throw new HttpProblem('not_found', { detail: 'No template with this id.' });
      throw new HttpProblem('conflict', {
        detail: 'Another template already has this name.',
        errors: [{ pointer: '/name', code: 'conflict', detail: 'Name already in use' }],
      });
    }
    return reply.code(result.created ? 201 : 200).send(templateView(result.template, preview));
  });

  addRoute(app, 'POST', '/template/preview', async (request) => {
    const { account } = authOf(request);
    // The contract's request: a saved template by `id`, or a draft `body` (exactly one).
    const input = parseBody(templatePreviewRequestSchema, request.body);
    const destination = destinationOf(ctx, input.to);
    let body = input.body;
    let type: 'transactional' | 'marketing' | undefined = input.type;
    if (input.id !== undefined) {
      const saved = await ctx.repository.templates.get(account.id, input.id);
      if (!saved) throw new HttpProblem('not_found', { detail: 'No template with this id.' });
      body = saved.body;
      if (type === undefined && (saved.type === 'transactional' || saved.type === 'marketing')) type = saved.type;
    }
    if (body === undefined) throw new HttpProblem('missing_field');
    checkSyntax(body);
    return renderPreview(ctx, body, input.variables ?? {}, type ?? 'transactional', '/variables', destination);
  });

  addRoute(app, 'GET', '/templates', async (request) => {
    const { account } = authOf(request);
    const query = parseQuery(listParamsSchema, request.query);
    const page = await ctx.repository.templates.list(account.id, {
      cursor: query.cursor ?? null,
      limit: query.limit ?? PAGE_LIMITS.defaultLimit,
    });
    return { data: page.data.map((t) => templateView(t)), nextCursor: page.nextCursor };
  });

  addRoute(app, 'GET', '/templates/{id}', async (request) => {
    const { account } = authOf(request);
    const { id } = request.params as { id: string };
    const template = await ctx.repository.templates.get(account.id, id);
    if (!template) throw new HttpProblem('not_found', { detail: 'No template with this id.' });
    return templateView(template);
  });

  addRoute(app, 'DELETE', '/templates/{id}', async (request) => {
    const { account } = authOf(request);
    const { id } = request.params as { id: string };
    if (!(await ctx.repository.templates.delete(account.id, id, ctx.now()))) {
      throw new HttpProblem('not_found', { detail: 'No template with this id.' });
    }
    return { id, deleted: true };
  });
}
