import { Injectable } from '@nestjs/common';
import * as http from 'node:http';
import * as https from 'node:https';
import { UrlGuard } from '../feeds/url-guard';

const WEBHOOK_TIMEOUT_MS = 10_000;

/** A webhook attempt that did not end in 2xx; the message goes to the delivery log. */
class WebhookSendError extends Error {}

/**
 * POSTs a signed body to a webhook. The same SSRF rules as feeds apply, twice: the URL is checked
 * before each attempt (IP literals never reach a DNS lookup), and the connect-time lookup refuses
 * private answers, so a name rebound to 127.0.0.1 after registration is still refused. Redirects
 * are never followed (node:http does not) and count as failures: following one could lead to a
 * private address, and a receiver that moved should be re-registered.
 */
@Injectable()
export class WebhookSender {
  constructor(private readonly urlGuard: UrlGuard) {}

  async post(rawUrl: string, body: string, headers: Record<string, string>): Promise<void> {
    let url: URL;
    try {
      url = await this.urlGuard.assertReachable(rawUrl);
    } catch (error) {
      throw new WebhookSendError((error as Error).message);
    }
    const status = await this.request(url, body, headers);
    if (status >= 200 && status < 300) return;
    const hint = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
    throw new WebhookSendError(`HTTP ${status}${hint}`);
  }

  private request(url: URL, body: string, headers: Record<string, string>): Promise<number> {
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = client.request(url, {
        method: 'POST',
        agent: false,
        lookup: this.urlGuard.lookup,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'trend-scorecard-webhook/1',
        },
      });
      req.on('response', (res) => {
        res.resume(); // the answer's body is not used; drain it so the socket closes
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (error) => {
        const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError';
        reject(new WebhookSendError(timedOut ? `no answer within ${WEBHOOK_TIMEOUT_MS} ms` : error.message));
      });
      req.end(body);
    });
  }
}
