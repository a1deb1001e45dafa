import { Global, Module } from '@nestjs/common';
import { ReadCache } from './read-cache';
import { ReadCacheInterceptor } from './read-cache.interceptor';
import { ReadModelVersionRepository } from './read-model-version.repository';

/** Global: the read controllers of several features put ReadCacheInterceptor on their routes. */
@Global()
@Module({
  providers: [ReadCache, ReadModelVersionRepository, ReadCacheInterceptor],
  exports: [ReadCache, ReadModelVersionRepository, ReadCacheInterceptor],
})
export class ReadCacheModule {}
