import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Response headers for every route, chosen rather than helmet's defaults taken whole:
 * - no X-Powered-By (it only tells an attacker what to try);
 * - X-Content-Type-Options: nosniff, so a feed title served as text is never run as script;
 * - frames refused twice (X-Frame-Options: DENY and CSP frame-ancestors 'none') against clickjacking;
 * - a CSP that Swagger UI at /api/docs lives with: its script and CSS are files served from here
 *   ('self'), it has one inline <style> ('unsafe-inline' for styles only), data: images, and it
 *   fetches /api/docs.json ('self'). No script from anywhere else, no plugins, no <base>.
 *   The HTML digest sets its own stricter policy on its response.
 * - no Strict-Transport-Security: TLS, where there is any, ends at the proxy in front, which is
 *   the one that knows whether every name it serves has HTTPS.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    noSniff: true,
    hidePoweredBy: true,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * Admin answers carry tokens, webhook secrets, reviewer notes: no cache (browser or proxy) may keep
 * them. Set before the route runs, so errors are covered too.
 */
export function noStoreOnAdmin(req: Request, res: Response, next: NextFunction): void {
  if (req.path.startsWith('/api/admin')) res.setHeader('Cache-Control', 'no-store');
  next();
}
