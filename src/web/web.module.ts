import { Module } from '@nestjs/common';
import { ERROR_PAGES } from '../common/error-pages';
import { DigestsModule } from '../digests/digests.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { MomentumModule } from '../momentum/momentum.module';
import { TrendsModule } from '../trends/trends.module';
import { ErrorPageService } from './error-page.service';
import { PublicPagesController } from './public-pages.controller';
import { ReviewDeskController } from './review-desk.controller';
import { SignInThrottle } from './sign-in-throttle';
import { WebAssets } from './web-assets';
import { WebAssetsController } from './web-assets.controller';
import { WebSessionRepository } from './web-session.repository';
import { WebSessionService } from './web-session.service';
import { WebViews } from './web-views';

/** Server-rendered pages over the same services as the API: scorecard, predictions, digests, review desk. */
@Module({
  imports: [TrendsModule, MomentumModule, EvidenceModule, DigestsModule],
  controllers: [PublicPagesController, ReviewDeskController, WebAssetsController],
  providers: [
    WebAssets,
    WebViews,
    WebSessionRepository,
    WebSessionService,
    SignInThrottle,
    { provide: ERROR_PAGES, useClass: ErrorPageService },
  ],
  // For the app's error filter: browsers get errors as pages.
  exports: [ERROR_PAGES],
})
export class WebModule {}
