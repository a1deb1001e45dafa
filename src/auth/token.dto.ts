import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import type { ApiToken } from '../generated/prisma/client';
import { ROLES, Role } from './roles';

export class CreateTokenDto {
  @ApiProperty({ example: 'alice (reviewer)' })
  @IsString()
  @Length(1, 100)
  @Matches(/^[^\u0000-\u001f]+$/, { message: 'name must not contain control characters' })
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES as unknown as string[])
  role!: Role;
}

export class TokenDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ description: 'first characters of the secret, to recognise it' }) prefix!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;

  static from(t: ApiToken): TokenDto {
    return {
      id: t.id,
      name: t.name,
      role: t.role,
      prefix: t.prefix,
      createdAt: t.createdAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      revokedAt: t.revokedAt?.toISOString() ?? null,
    };
  }
}

export class CreatedTokenDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ description: 'the secret; shown this once and stored only as a hash' }) token!: string;
}
