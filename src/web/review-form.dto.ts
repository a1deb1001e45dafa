import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';
import { STANCES, Stance } from '../evidence/evidence-query.dto';
import { DECISIONS, Decision, MAX_BULK_IDS } from '../evidence/review.dto';

/**
 * The desk's forms (application/x-www-form-urlencoded). `_csrf` is checked by the controller;
 * `back` is where to return, checked to be a /review path.
 */
class DeskForm {
  @IsString()
  @MaxLength(200)
  _csrf!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  back?: string;
}

export class SignInForm {
  @IsString()
  @MaxLength(200)
  _csrf!: string;

  @IsString()
  @MaxLength(500)
  token!: string;
}

export class SignOutForm extends DeskForm {}

export class DecisionForm extends DeskForm {
  /** One id from an item's form, several from the bulk form's checkboxes. */
  @Transform(({ value }) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(Number))
  @IsArray()
  @ArrayMinSize(1, { message: 'select at least one item' })
  @ArrayMaxSize(MAX_BULK_IDS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  ids!: number[];

  @IsIn(DECISIONS as unknown as string[])
  decision!: Decision;

  /** The stance the item is filed under; the item's form always sends it (flip changes it). */
  @IsOptional()
  @IsIn(STANCES as unknown as string[])
  stance?: Stance;

  /** An empty note keeps the stored one: the form cannot tell "clear" from "left alone". */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class UndoForm extends DeskForm {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  id!: number;
}
