import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/admin.guard';
import { decodeCursor, toPage } from '../common/pagination';
import { DeliveryRepository } from './delivery.repository';
import { deliveryView, ListDeliveriesQuery } from './webhook.dto';

/** The delivery log; reading it needs no service logic, so the controller asks the repository. */
@ApiTags('admin: delivery')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/admin/deliveries')
export class DeliveryController {
  constructor(private readonly deliveries: DeliveryRepository) {}

  @Get()
  @ApiOperation({ summary: 'Delivery log, newest first: status, attempts, lastError, nextAttemptAt' })
  async list(@Query() query: ListDeliveriesQuery) {
    const limit = query.limit ?? 100;
    const cursor = decodeCursor<{ id: number }>(query.cursor, ['id']);
    const rows = await this.deliveries.list({
      digestId: query.digestId,
      status: query.status,
      beforeId: cursor?.id,
      limit: limit + 1,
    });
    return toPage(rows, limit, (d) => ({ id: d.id }), deliveryView);
  }
}
