import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { IdPipe } from '../common/id';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole } from './admin.guard';
import { AuthService } from './auth.service';
import { CreatedTokenDto, CreateTokenDto, TokenDto } from './token.dto';

@ApiTags('admin: tokens')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/admin/tokens')
export class TokenController {
  constructor(private readonly auth: AuthService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedTokenDto })
  async create(@Body() body: CreateTokenDto): Promise<CreatedTokenDto> {
    const { token, record } = await this.auth.issue(body.name, body.role);
    return { id: record.id, name: record.name, role: record.role, token };
  }

  @Get()
  async list(): Promise<{ data: TokenDto[]; nextCursor: null }> {
    return { data: (await this.auth.list()).map(TokenDto.from), nextCursor: null };
  }

  @Delete(':id')
  @HttpCode(200)
  async revoke(@Param('id', IdPipe) id: number): Promise<TokenDto> {
    return TokenDto.from(await this.auth.revoke(id));
  }
}
