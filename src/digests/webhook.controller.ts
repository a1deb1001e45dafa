import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/admin.guard';
import { decodeCursor, toPage } from '../common/pagination';
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
    const limit = query.limit ?? 100;
    const cursor = decodeCursor<{ id: number }>(query.cursor, ['id']);
    const rows = await this.webhooks.list(cursor?.id, limit + 1);
    return toPage(rows, limit, (w) => ({ id: w.id }), webhookView);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.webhooks.remove(id);
  }
}
