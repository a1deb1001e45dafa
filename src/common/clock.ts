import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The one source of the current time for services, repositories and jobs, so tests can move
 * time (`jest.spyOn(app.get(Clock), 'now')`) without touching the process clock. Pure functions
 * take `now` as a parameter instead. Elapsed-time measurements (durations, deadlines) use
 * Date.now()/performance directly: they are not "what time is it" questions.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
