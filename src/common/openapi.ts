import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI generated from the controllers and DTOs: UI at /api/docs, JSON at /api/docs.json. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Trend scorecard')
    .setDescription(
      'Tracks the ten predictions of the 2024 large-model trends report (Tencent Research Institute) against the news.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'API token (ADMIN_TOKEN or one issued by /api/admin/tokens)',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs.json' });
}
