/**
 * SANDBOX-SIDE CODE: serialised with Function#toString and evaluated inside the vm context. It must stay
 * self-contained: no imports, no references to anything outside its own body (types are erased by tsc).
 *
 * The Postman assertions on chai (`pm.response.to.have.status(200)` ...), written after chai-postman 2.x's behaviour
 * and with its exact message templates, so native and newman runs report the same failure texts.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export function sandboxChaiPostman(
  chai: any,
  isResponse: (o: unknown) => boolean,
  isRequest: (o: unknown) => boolean,
  validate: (schema: unknown, data: unknown) => { valid: boolean; text: string },
  validateBody: (obj: unknown, schema: unknown) => { valid: boolean; text: string } | undefined,
): void {
  'use strict';
  const FIRST_LINE = /(.*?)\n.*/g;
  const CLASSES: Record<string, number> = { info: 1, success: 2, redirection: 3, clientError: 4, serverError: 5 };
  const REASONS: Record<string, { statusCode: number; name: string }> = {
    accepted: { statusCode: 202, name: 'Accepted' },
    withoutContent: { statusCode: 204, name: 'No Content' },
    badRequest: { statusCode: 400, name: 'Bad Request' },
    unauthorised: { statusCode: 401, name: 'Unauthorised' },
    unauthorized: { statusCode: 401, name: 'Unauthorized' },
    forbidden: { statusCode: 403, name: 'Forbidden' },
    notFound: { statusCode: 404, name: 'Not Found' },
    notAcceptable: { statusCode: 406, name: 'Acceptable' },
    rateLimited: { statusCode: 429, name: 'Too Many Requests' },
  };
  const RESPONSE_CODE = 'expected response to have status code #{exp} but got #{act}';
  const NOT_RESPONSE_CODE = 'expected response to not have status code #{act}';
  const RESPONSE_REASON = 'expected response to have status reason #{exp} but got #{act}';
  const NOT_RESPONSE_REASON = 'expected response to not have status reason #{act}';

  const isPlainObject = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object') return false;
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
  };
  const pathSegments = (path: string): string[] => {
    const out: string[] = [];
    path.replace(/[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g, (m: string, num?: string, _q?: string, str?: string) => {
      out.push(num !== undefined ? num : str !== undefined ? str : m);
      return m;
    });
    return out;
  };
  const hasPath = (obj: unknown, path: string): boolean => {
    let cur: any = obj;
    for (const seg of pathSegments(path)) {
      if (cur === null || cur === undefined || !Object.prototype.hasOwnProperty.call(Object(cur), seg)) return false;
      cur = cur[seg];
    }
    return true;
  };
  const getPath = (obj: unknown, path: string): unknown => {
    let cur: any = obj;
    for (const seg of pathSegments(path)) {
      if (cur === null || cur === undefined) return undefined;
      cur = cur[seg];
    }
    return cur;
  };

  chai.use(function (_chai: any, utils: any): void {
    const A = _chai.Assertion;
    const eql = (a: unknown, b: unknown): boolean => utils.eql(a, b);
    // The plugin's own precondition checks take a fast path when the condition plainly holds (a subset of what the
    // chai assertion accepts: nothing else would happen then); otherwise chai runs the assertion and throws its error.
    // User-written chains still go through chai (and its proxies) in full.
    const objectProto = Object.prototype;
    const getProto = Object.getPrototypeOf;
    const mustBeResponse = (obj: unknown): void => {
      if (!isResponse(obj)) new A(obj).to.be.postmanResponse;
    };
    /** `obj` passed mustBeResponse or postmanRequestOrResponse: one of the sandbox's own objects. */
    const mustHave = (obj: any, name: string): void => {
      if (!(name in obj)) new A(obj).to.have.property(name);
    };
    const mustBeA = (value: unknown, type: 'number' | 'function'): void => {
      if (typeof value !== type) new A(value).to.be.a(type);
    };
    const mustBeObject = (value: unknown): void => {
      const plain = typeof value === 'object' && value !== null && getProto(value) === objectProto && !(Symbol.toStringTag in value);
      if (!plain) new A(value).to.be.an('object');
    };
    const codeChecks = (obj: any): void => {
      mustBeResponse(obj);
      mustHave(obj, 'code');
      mustBeA(obj.code, 'number');
    };
    const reasonChecks = (obj: any, withDetails: boolean): void => {
      mustHave(obj, 'reason');
      mustBeA(obj.reason, 'function');
      if (withDetails) {
        mustHave(obj, 'details');
        mustBeA(obj.details, 'function');
      }
    };
    const jsonError = (obj: any): string | undefined => {
      try {
        obj.json();
        return undefined;
      } catch (t: any) {
        return t && t.name === 'JSONError' && t.message ? String(t.message).replace(FIRST_LINE, '$1') : String(t && t.name) + ': ' + String(t && t.message);
      }
    };

    A.addProperty('postmanRequest', function (this: any) {
      this.assert(isRequest(this._obj), 'expecting a postman request object but got #{this}', 'not expecting a postman request object');
    });
    A.addProperty('postmanResponse', function (this: any) {
      this.assert(isResponse(this._obj), 'expecting a postman response object but got #{this}', 'not expecting a postman response object');
    });
    A.addProperty('postmanRequestOrResponse', function (this: any) {
      this.assert(
        isResponse(this._obj) || isRequest(this._obj),
        'expecting a postman request or response object but got #{this}',
        'not expecting a postman request or response object',
      );
    });

    const classAssertion = (cls: number) =>
      function (this: any) {
        codeChecks(this._obj);
        const actual = Math.floor(this._obj.code / 100);
        this.assert(actual === cls, 'expected response code to be #{exp}XX but found #{act}', 'expected response code to not be #{exp}XX', cls, this._obj.code);
      };
    A.addMethod('statusCodeClass', function (this: any, cls: number) {
      classAssertion(cls).call(this);
    });
    for (const name of Object.keys(CLASSES)) A.addProperty(name, classAssertion(CLASSES[name] as number));
    A.addProperty('error', function (this: any) {
      codeChecks(this._obj);
      const cls = Math.floor(this._obj.code / 100);
      this.assert(cls === 4 || cls === 5, 'expected response code to be 4XX or 5XX but found #{act}', 'expected response code to not be 4XX or 5XX', null, this._obj.code);
    });
    A.addMethod('statusCode', function (this: any, code: unknown) {
      codeChecks(this._obj);
      this.assert(this._obj.code === Number(code), RESPONSE_CODE, NOT_RESPONSE_CODE, Number(code), this._obj.code);
    });
    A.addMethod('statusReason', function (this: any, reason: unknown) {
      mustBeResponse(this._obj);
      reasonChecks(this._obj, false);
      const expected = String(reason);
      this.assert(this._obj.reason() === expected, RESPONSE_REASON, NOT_RESPONSE_REASON, expected, this._obj.reason());
    });
    for (const name of Object.keys(REASONS)) {
      const def = REASONS[name] as { statusCode: number; name: string };
      A.addProperty(name, function (this: any) {
        mustBeResponse(this._obj);
        reasonChecks(this._obj, true);
        const expected = def.name.toUpperCase();
        const reason = String(this._obj.reason()).toUpperCase();
        const code = Number(this._obj.details().code);
        this.assert(reason === expected, RESPONSE_REASON, NOT_RESPONSE_REASON, expected, reason);
        this.assert(code === def.statusCode, RESPONSE_CODE, NOT_RESPONSE_CODE, def.statusCode, code);
      });
    }
    A.addProperty('ok', function (this: any) {
      if (!isResponse(this._obj)) {
        this.assert(utils.flag(this, 'object'), 'expected #{this} to be truthy', 'expected #{this} to be falsy');
        return;
      }
      reasonChecks(this._obj, true);
      const reason = String(this._obj.reason()).toUpperCase();
      const code = Number(this._obj.details().code);
      this.assert(reason === 'OK', RESPONSE_REASON, NOT_RESPONSE_REASON, 'OK', reason);
      this.assert(code === 200, RESPONSE_CODE, NOT_RESPONSE_CODE, 200, code);
    });
    A.addMethod('status', function (this: any, expected: unknown) {
      mustBeResponse(this._obj);
      if (typeof expected === 'number') {
        mustHave(this._obj, 'code');
        mustBeA(this._obj.code, 'number');
        this.assert(this._obj.code === Number(expected), RESPONSE_CODE, NOT_RESPONSE_CODE, Number(expected), this._obj.code);
      } else {
        reasonChecks(this._obj, false);
        this.assert(this._obj.reason() === expected, RESPONSE_REASON, NOT_RESPONSE_REASON, expected, this._obj.reason());
      }
    });
    A.addMethod('header', function (this: any, key: unknown, value?: unknown) {
      if (!isResponse(this._obj) && !isRequest(this._obj)) new A(this._obj).to.be.postmanRequestOrResponse;
      mustHave(this._obj, 'headers');
      const kind = isRequest(this._obj) ? 'request' : 'response';
      const has = this._obj.headers.has(key);
      this.assert(has, 'expected ' + kind + " to have header with key '" + String(key) + "'", 'expected ' + kind + " to not have header with key '" + String(key) + "'", true, has);
      if (arguments.length < 2) return;
      const actual = this._obj.headers.one(key).value;
      this.assert(actual === value, "expected '" + String(key) + "' " + kind + ' header to be #{exp} but got #{act}', "expected '" + String(key) + "' " + kind + ' header to not be #{act}', value, actual);
    });
    A.addProperty('withBody', function (this: any) {
      mustBeResponse(this._obj);
      const text = this._obj.text();
      this.assert(typeof text === 'string' && text.length, 'expected response to have content in body', 'expected response to not have content in body');
    });
    A.addProperty('json', function (this: any) {
      mustBeResponse(this._obj);
      const e = jsonError(this._obj);
      this.assert(!e, 'expected response body to be a valid json but got error ' + e, 'expected response body not to be a valid json');
    });
    A.addMethod('body', function (this: any, expected?: unknown) {
      mustBeResponse(this._obj);
      if (isPlainObject(expected)) {
        let actual: unknown;
        try {
          actual = this._obj.json();
        } catch {
          actual = undefined;
        }
        this.assert(eql(actual, expected), 'expected response body json to equal #{exp} but got #{act}', 'expected response body json to not equal #{exp} but got #{act}', expected, actual);
        return;
      }
      const text = this._obj.text();
      if (arguments.length === 0) {
        this.assert(typeof text === 'string' && text.length, 'expected response to have content in body', 'expected response to not have content in body');
      } else if (expected instanceof RegExp) {
        this.assert(expected.exec(text) !== null, 'expected response body text to match #{exp} but got #{act}', 'expected response body text #{act} to not match #{exp}', expected, text);
      } else {
        this.assert(eql(text, expected), 'expected response body to equal #{exp} but got #{act}', 'expected response body to not equal #{exp}', expected, text);
      }
    });
    A.addMethod('jsonBody', function (this: any, path?: unknown, value?: unknown) {
      mustBeResponse(this._obj);
      let json: unknown;
      let error: string | undefined;
      try {
        json = this._obj.json();
      } catch {
        error = jsonError(this._obj);
      }
      if (arguments.length === 0) {
        this.assert(!error, 'expected response body to be a valid json but got error ' + error, 'expected response body not to be a valid json');
        return;
      }
      if (typeof path !== 'string') return;
      this.assert(hasPath(json, path), 'expected #{act} in response to contain property #{exp}', 'expected #{act} in response to not contain property #{exp}', path, json);
      if (arguments.length > 1) {
        const actual = getPath(json, path);
        this.assert(
          eql(actual, value),
          'expected response body json at "' + path + '" to contain #{exp} but got #{act}',
          'expected response body json at "' + path + '" to not contain #{exp} but got #{act}',
          value,
          actual,
        );
      }
    });
    A.addChainableMethod(
      'responseTime',
      function (this: any, expected?: unknown) {
        const n = utils.flag(this, 'number');
        this.assert(typeof n === 'number', 'expected response to have a valid response time but got #{act}', 'expected response to not have a valid response time but got #{act}', null, n);
        if (arguments.length) {
          this.assert(eql(n, expected), 'expected response to have a valid response time but got #{act}', 'expected response to not have a valid response time but got #{act}', null, n);
        }
      },
      function (this: any) {
        mustBeResponse(this._obj);
        mustHave(this._obj, 'responseTime');
        utils.flag(this, 'number', this._obj.responseTime);
        this._obj = this._obj.responseTime;
      },
    );
    A.addMethod('jsonSchema', function (this: any, schema: unknown) {
      mustBeObject(schema);
      const obj = this._obj;
      // The current pm.response: checked on the host's parse of its body; undefined when that is not JSON, and then
      // json() below throws Postman's JSONError.
      let result = validateBody(obj, schema);
      if (!result) {
        const data = isResponse(obj) || (isRequest(obj) && typeof obj.json === 'function') ? obj.json() : obj;
        result = validate(schema, data);
      }
      this.assert(result.valid, 'expected data to satisfy schema but found following errors: \n' + result.text, 'expected data to not satisfy schema', true, result.valid);
    });
  });
}
