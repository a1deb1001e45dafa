import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppError } from '../common/app-error';
import { WebAssets } from './web-assets';

/** The URLs are versioned by content hash, hence immutable; the ETag answers revalidations with 304. */
@ApiExcludeController()
@Controller('assets')
export class WebAssetsController {
  constructor(private readonly assets: WebAssets) {}

  @Get(':name')
  serve(@Param('name') name: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() res: Response) {
    const asset = this.assets.get(name);
    if (!asset) throw AppError.notFound('asset', name);
    res.setHeader('ETag', asset.etag);
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (ifNoneMatch !== undefined && ifNoneMatch.split(/\s*,\s*/).includes(asset.etag)) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Type', asset.contentType);
    res.send(asset.body);
  }
}
