import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { projectRoot } from '../common/project-root';

export interface WebAsset {
  body: Buffer;
  contentType: string;
  /** Strong ETag: a hash of the bytes. */
  etag: string;
  /** First 10 hex digits of the hash: the ?v= that makes a URL change when the file does. */
  version: string;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * The pages' stylesheet and script, served by the app itself (the service must work offline,
 * so no CDN). Read once at start; URLs carry the content hash, so browsers may cache them for
 * a year and still never see a stale file.
 */
@Injectable()
export class WebAssets {
  private readonly files = new Map<string, WebAsset>();

  constructor() {
    const dir = join(projectRoot(__dirname), 'src', 'web', 'assets');
    for (const name of readdirSync(dir)) {
      const type = TYPES[extname(name)];
      if (!type) continue;
      const body = readFileSync(join(dir, name));
      const hash = createHash('sha256').update(body).digest('hex');
      this.files.set(name, { body, contentType: type, etag: `"${hash.slice(0, 32)}"`, version: hash.slice(0, 10) });
    }
  }

  get(name: string): WebAsset | undefined {
    return this.files.get(name);
  }

  url(name: string): string {
    const asset = this.files.get(name);
    if (!asset) throw new Error(`no web asset ${name}`);
    return `/assets/${name}?v=${asset.version}`;
  }
}
