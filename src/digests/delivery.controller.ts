import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/admin.guard';
import { ID_CURSOR, paginate } from '../common/pagination';
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
    return paginate({
      cursor: query.cursor,
      limit: query.limit ?? 100,
      shape: ID_CURSOR,
      fetch: (after, take) =>
        this.deliveries.list({ digestId: query.digestId, status: query.status, beforeId: after?.id, limit: take }),
      position: (d) => ({ id: d.id }),
      view: deliveryView,
    });
  }
}
