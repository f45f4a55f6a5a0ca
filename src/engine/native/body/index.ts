/** Request bodies by Postman body mode (one file per mode). */
import { file } from './file';
import { formdata } from './formdata';
import { graphql } from './graphql';
import { raw } from './raw';
import { isObj, type BodyBuilder, type BodyContext, type BodyHeaders, type BuiltBody } from './types';
import { urlencoded } from './urlencoded';

export type { BodyContext, BodyHeaders, BuiltBody } from './types';

const BUILDERS: Readonly<Record<string, BodyBuilder>> = { raw, urlencoded, formdata, file, graphql };

/**
 * Builds the body of `request.body` (undefined when nothing is sent: no body, disabled, empty, or every field
 * disabled). An unknown mode warns and sends nothing, as newman sends nothing for it.
 */
export function buildBody(body: unknown, ctx: BodyContext, headers: BodyHeaders): BuiltBody | undefined {
  if (!isObj(body) || body['disabled'] === true || typeof body['mode'] !== 'string') return undefined;
  const mode = body['mode'];
  if (mode === 'none') return undefined;
  const builder = Object.prototype.hasOwnProperty.call(BUILDERS, mode) ? BUILDERS[mode] : undefined;
  if (!builder) {
    ctx.warn(`body mode "${mode}" is not supported by the native engine; the request was sent without a body`);
    return undefined;
  }
  return builder(body[mode], body, ctx, headers);
}
