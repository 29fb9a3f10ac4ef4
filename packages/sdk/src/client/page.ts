import type { Page as WirePage } from '@karvon/contract';
import { KarvonError } from '../errors/karvon-error';
import { APIPromise, type WithResponse } from './api-promise';

/** One page of a cursor-paginated list, able to fetch the next one. Iterating it walks the remaining pages. */
export class Page<T> implements AsyncIterable<T> {
  readonly data: T[];
  readonly nextCursor: string | null;
  readonly #fetchPage: (cursor: string) => PagePromise<T>;

  constructor(body: WirePage<T>, fetchPage: (cursor: string) => PagePromise<T>) {
    this.data = body.data;
    this.nextCursor = body.nextCursor;
    this.#fetchPage = fetchPage;
  }

  hasNextPage(): boolean {
    return this.nextCursor !== null && this.nextCursor !== '';
  }

  /** Throws if there is no next page; check `hasNextPage()` first. */
  getNextPage(): PagePromise<T> {
    if (this.nextCursor === null || this.nextCursor === '')
      throw new KarvonError('No next page: check hasNextPage() first');
    return this.#fetchPage(this.nextCursor);
  }

  /** This page, then each following page, fetched one at a time as you iterate. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let page: Page<T> = this;
    for (;;) {
      yield page;
      if (!page.hasNextPage()) return;
      page = await page.getNextPage();
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }
}

/**
 * What list methods return: await it for the first `Page`, or iterate it directly,
 * `for await (const item of client.x.list())`, to walk every item across pages.
 */
export class PagePromise<T> extends APIPromise<Page<T>> implements AsyncIterable<T> {
  constructor(result: Promise<WithResponse<Page<T>>>) {
    super(result);
  }

  /** Every page, starting with this one. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    yield* (await this).pages();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    yield* await this;
  }
}
