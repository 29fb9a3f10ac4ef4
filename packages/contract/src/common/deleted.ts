import * as z from 'zod/mini';
import { pure } from '../internal/pure';

/** The answer to a `DELETE` of an id-addressed resource (template, sender, webhook endpoint, API key). */
export interface DeletedResource<Id extends string = string> {
  id: Id;
  deleted: true;
}

/** Loose (response). */
export const deletedResourceSchema = pure(() =>
  z.looseObject({
    id: z.string(),
    deleted: z.literal(true),
  }),
);
