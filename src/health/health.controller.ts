import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PrismaService } from '../database/prisma.service';
import { ReadinessState } from '../database/readiness.state';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly readiness: ReadinessState,
    private readonly prisma: PrismaService,
  ) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready once migrated and seeded, and only while the database answers. */
  @Get('ready')
  async ready(): Promise<{ status: 'ready' }> {
    const state = this.readiness.status();
    if (!state.ready) throw new ServiceUnavailableException(`not ready: ${state.reason}`);
    try {
      await this.prisma.$queryRaw`SELECT 1`;
    } catch {
      throw new ServiceUnavailableException('not ready: database unreachable');
    }
    return { status: 'ready' };
  }
}
