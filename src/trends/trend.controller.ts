import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TrendDto, TrendListDto } from './trend.dto';
import { TrendService } from './trend.service';

@ApiTags('trends')
@Controller('api/trends')
export class TrendController {
  constructor(private readonly trends: TrendService) {}

  @Get()
  @ApiOkResponse({ type: TrendListDto })
  async list(): Promise<TrendListDto> {
    const trends = await this.trends.list();
    return { data: trends.map(TrendDto.from), nextCursor: null };
  }

  @Get(':key')
  @ApiOkResponse({ type: TrendDto })
  async get(@Param('key') key: string): Promise<TrendDto> {
    return TrendDto.from(await this.trends.get(key));
  }
}
