import { Injectable } from '@nestjs/common';

/** The time digests are built at, behind a class so the period logic can be driven in tests. */
@Injectable()
export class DigestClock {
  now(): Date {
    return new Date();
  }
}
