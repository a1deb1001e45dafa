import { errorHeading, wantsErrorPage } from '../../../src/web/error-page';

describe('wantsErrorPage', () => {
  const html = 'text/html,application/xhtml+xml,*/*;q=0.8';

  it('answers a browser asking for a page, or posting a form, with a page', () => {
    expect(wantsErrorPage('GET', '/trends/nope', html)).toBe(true);
    expect(wantsErrorPage('POST', '/review/decide', html)).toBe(true);
    expect(wantsErrorPage('GET', '/no/such/path', 'TEXT/HTML')).toBe(true);
  });

  it('keeps JSON for the API, health, metrics, assets, other methods and clients that do not ask for HTML', () => {
    for (const path of ['/api/trends', '/api', '/health/live', '/metrics', '/assets/site.css'])
      expect({ path, page: wantsErrorPage('GET', path, html) }).toEqual({ path, page: false });
    expect(wantsErrorPage('DELETE', '/trends/nope', html)).toBe(false);
    expect(wantsErrorPage('GET', '/trends/nope', 'application/json')).toBe(false);
    expect(wantsErrorPage('GET', '/trends/nope', undefined)).toBe(false);
    // A page path that merely starts like a reserved one is still a page.
    expect(wantsErrorPage('GET', '/apis', html)).toBe(true);
  });
});

describe('errorHeading', () => {
  it('names the kind of failure a reader can act on', () => {
    expect([400, 401, 403, 404, 409, 429, 500, 503].map(errorHeading)).toEqual([
      'error.title',
      'error.notAllowed',
      'error.notAllowed',
      'error.notFound',
      'error.title',
      'error.tooMany',
      'error.server',
      'error.server',
    ]);
  });
});
