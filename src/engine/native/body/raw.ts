import { findHeader, isObj, type BodyBuilder } from './types';

/** options.raw.language -> the Content-Type postman-runtime adds when the request has none. */
const LANGUAGE_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html',
  text: 'text/plain',
  json: 'application/json',
  javascript: 'application/javascript',
  xml: 'application/xml',
};

/** `raw`: the text as written (a non-string is JSON-stringified), variables resolved. */
export const raw: BodyBuilder = (data, body, ctx, headers) => {
  if (data === undefined || data === null || data === '') return undefined;
  if (!findHeader(headers.early, 'content-type')) {
    const options = isObj(body['options']) && isObj(body['options']['raw']) ? body['options']['raw'] : {};
    const language = typeof options['language'] === 'string' ? options['language'] : 'text';
    const type = Object.prototype.hasOwnProperty.call(LANGUAGE_TYPES, language) ? LANGUAGE_TYPES[language] : undefined;
    headers.early.push({ key: 'Content-Type', value: type ?? 'text/plain' });
  }
  const text = ctx.resolver.resolve(typeof data === 'string' ? data : JSON.stringify(data));
  return { wire: text, text };
};
