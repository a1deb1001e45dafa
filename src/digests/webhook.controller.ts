import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/admin.guard';
import { IdPipe } from '../common/id';
import { ID_CURSOR, paginate } from '../common/pagination';
import { CreateWebhookDto, ListWebhooksQuery, webhookView } from './webhook.dto';
import { WebhookService } from './webhook.service';

@ApiTags('admin: delivery')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/admin/webhooks')
export class WebhookController {
  constructor(private readonly webhooks: WebhookService) {}

  @Post()
  @ApiOperation({ summary: 'Register a receiver of digests; the secret is shown in this answer only when generated' })
  async create(@Body() body: CreateWebhookDto) {
    const { webhook, generatedSecret } = await this.webhooks.create(body);
    return { ...webhookView(webhook), ...(generatedSecret ? { secret: generatedSecret } : {}) };
  }

  @Get()
  async list(@Query() query: ListWebhooksQuery) {
    return paginate({
      cursor: query.cursor,
      limit: query.limit ?? 100,
      shape: ID_CURSOR,
      fetch: (after, take) => this.webhooks.list(after?.id, take),
      position: (w) => ({ id: w.id }),
      view: webhookView,
    });
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', IdPipe) id: number): Promise<void> {
    await this.webhooks.remove(id);
  }
}
