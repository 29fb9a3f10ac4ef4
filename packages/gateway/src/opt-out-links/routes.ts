import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../http/plugins/problem';
import type { ConsentLedgerRepository, OptOutLinkRepository } from '../storage/consent-repository';
import { type LinkPageInput, renderConfirmPage, renderDonePage, renderNotFoundPage } from './link-page';
import { type PageLanguage, pickPageLanguage } from './page-language';

/**
 * The public opt-out pages behind the links of marketing messages. No API key:
 * the code in the path is the only credential, and all it can do is opt out
 * the one number it was made for (so a forged POST from another site harms
 * no one, and no CSRF token is needed). Not in ROUTE_SCOPES, not in OpenAPI.
 */

/** What the routes use of the gateway context; GatewayContext has it. */
export interface OptOutLinkContext {
  readonly repository: {
    readonly optOutLinks: Pick<OptOutLinkRepository, 'resolve'>;
    readonly consentLedger: Pick<ConsentLedgerRepository, 'record'>;
  };
  readonly now: () => number;
}

/** The routes as `registeredRoutes()` lists them (tests that compare served routes with ROUTE_SCOPES leave these out). */
export const OPT_OUT_LINK_ROUTES: readonly string[] = ['GET /u/{code}', 'POST /u/{code}'];

// What codeFor() makes; anything else is not looked up at all.
const CODE = /^[A-Za-z0-9]{8}$/;
const FORM_TYPE = 'application/x-www-form-urlencoded';
// The form sends no fields; a little room for browsers that add some.
const FORM_BODY_LIMIT = 1024;

const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  // The page shows whose number it is (masked) and the account; no shared cache may keep it.
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

interface LinkRequest {
  Params: { code: string };
  Querystring: { lang?: string | string[] };
}

function languageOf(request: FastifyRequest<LinkRequest>): PageLanguage {
  return pickPageLanguage({ query: request.query.lang, acceptLanguage: request.headers['accept-language'] });
}

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).headers(PAGE_HEADERS).send(html);
}

/** Only the form's own type, or no body at all: a JSON or multipart POST here is not our page talking. */
function isFormOrEmpty(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType.trim() === '') return true;
  return contentType.split(';')[0]?.trim().toLowerCase() === FORM_TYPE;
}

export function optOutLinkRoutes(app: FastifyInstance, ctx: OptOutLinkContext): void {
  // A plugin of its own: the form parser exists only here (encapsulation), the API stays JSON-only.
  app.register(async (pages) => {
    // The body carries nothing we read (the code says everything), so it is read and dropped.
    pages.addContentTypeParser(FORM_TYPE, { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, _body, done) =>
      done(null, {}),
    );
    // Before parsing, so a JSON body is refused rather than parsed by the gateway's JSON parser.
    pages.addHook('onRequest', async (request, reply) => {
      if (request.method === 'POST' && !isFormOrEmpty(request.headers['content-type'])) {
        return sendProblem(request, reply, 'unsupported_media_type', {
          detail: `Send the form as ${FORM_TYPE}, or no body.`,
        });
      }
    });

    const resolve = async (request: FastifyRequest<LinkRequest>) => {
      const { code } = request.params;
      return CODE.test(code) ? ctx.repository.optOutLinks.resolve(code) : undefined;
    };

    pages.get<LinkRequest>('/u/:code', async (request, reply) => {
      const lang = languageOf(request);
      const link = await resolve(request);
      if (!link) return sendPage(reply, 404, renderNotFoundPage({ lang }));
      const page: LinkPageInput = { lang, accountName: link.accountName, phoneNumber: link.phoneNumber };
      // The language travels with the form, so the answer comes in the language of the question.
      return sendPage(reply, 200, renderConfirmPage({ ...page, action: `/u/${request.params.code}?lang=${lang}` }));
    });

    pages.post<LinkRequest>('/u/:code', async (request, reply) => {
      const lang = languageOf(request);
      const link = await resolve(request);
      if (!link) return sendPage(reply, 404, renderNotFoundPage({ lang }));
      // false = already opted out (a second click, a reload): the answer is the same done page.
      await ctx.repository.consentLedger.record({
        accountId: link.accountId,
        phoneNumber: link.phoneNumber,
        action: 'opt_out',
        scope: 'account',
        source: 'link',
        keyword: null,
        at: ctx.now(),
      });
      return sendPage(
        reply,
        200,
        renderDonePage({ lang, accountName: link.accountName, phoneNumber: link.phoneNumber }),
      );
    });
  });
}
