import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { ASSESSMENT_PARAMETERS, RESOLUTION_OUTCOMES } from './assessment';
import type { MonthlyPoint, ResolutionRecord, Verdict } from './verdict';

const STATUSES = ['too-early', 'on-track', 'mixed', 'off-track', 'resolved'];

export class ResolveDto {
  @ApiProperty({ enum: RESOLUTION_OUTCOMES })
  @IsIn(RESOLUTION_OUTCOMES as unknown as string[])
  outcome!: string;

  @ApiPropertyOptional({ maxLength: 4000, description: 'rationale in Chinese; rationaleZh or rationaleEn is required' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  rationaleZh?: string;

  @ApiPropertyOptional({ maxLength: 4000, description: 'rationale in English' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  rationaleEn?: string;

  @ApiPropertyOptional({ type: [Number], maxItems: 100, description: "ids of this prediction's evidence it rests on" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  @Min(1, { each: true })
  evidenceIds?: number[];

  @ApiPropertyOptional({ description: 'required (true) to resolve before the horizon: the evidence is decisive early' })
  @IsOptional()
  @IsBoolean()
  decisive?: boolean;
}

export class ResolutionDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: RESOLUTION_OUTCOMES }) outcome!: string;
  @ApiProperty({ nullable: true, type: String }) rationaleZh!: string | null;
  @ApiProperty({ nullable: true, type: String }) rationaleEn!: string | null;
  @ApiProperty({ type: [Number] }) evidenceIds!: number[];
  @ApiProperty({ description: 'recorded before the horizon, as decisive early' }) beforeHorizon!: boolean;
  @ApiProperty({ description: 'name of the admin token that resolved' }) resolvedBy!: string;
  @ApiProperty() createdAt!: string;

  static from(r: ResolutionRecord): ResolutionDto {
    return {
      id: r.id,
      outcome: r.outcome,
      rationaleZh: r.rationaleZh,
      rationaleEn: r.rationaleEn,
      evidenceIds: r.evidenceIds,
      beforeHorizon: r.beforeHorizon,
      resolvedBy: r.resolvedBy,
      createdAt: r.createdAt.toISOString(),
    };
  }
}

export class IntervalDto {
  @ApiProperty() lower!: number;
  @ApiProperty() upper!: number;
}

export class AssessmentDto {
  @ApiProperty({
    description: 'the instant the assessment is as of: only evidence known (published and accepted) by then',
  })
  asOf!: string;
  @ApiProperty({ enum: STATUSES.filter((s) => s !== 'resolved'), description: 'status from the evidence alone' })
  interimStatus!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'capped supporting weight / (supporting + contradicting)' })
  supportShare!: number | null;
  @ApiProperty({ nullable: true, type: IntervalDto, description: '95% Wilson interval of supportShare' })
  supportInterval!: IntervalDto | null;
  @ApiProperty({ description: 'supporting weight after the per-source cap' }) supportWeight!: number;
  @ApiProperty({ description: 'contradicting weight after the per-source cap' }) contradictWeight!: number;
  @ApiProperty({ description: 'accepted evidence items it rests on (newest 100 at most)' }) accepted!: number;
  @ApiProperty({ description: 'distinct sources (article hosts) among them' }) distinctSources!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'largest share of the weight one source holds' })
  largestSourceShare!: number | null;
  @ApiProperty({ description: 'rules: min accepted, min sources, weight cap per source' })
  rules!: { minAccepted: number; minSources: number; sourceCap: number };
  @ApiProperty({ description: 'days from asOf to the horizon; negative once passed' }) daysToHorizon!: number;
  @ApiProperty({ nullable: true, type: ResolutionDto, description: 'the resolution in force at asOf' })
  resolution!: ResolutionDto | null;
}

/** The verdict fields a scorecard entry and GET /api/trends/{key} carry. */
export class VerdictFieldsDto {
  @ApiProperty({ example: '2027-07-01', description: 'YYYY-MM-DD: the date the prediction falls due' })
  horizon!: string;
  @ApiProperty({ enum: ['stated', 'report-frame'], description: 'stated by the report, or its general 2-3 year frame' })
  horizonBasis!: string;
  @ApiProperty({ description: 'where the horizon comes from' }) horizonNote!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ type: AssessmentDto }) assessment!: AssessmentDto;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

export function verdictFields(v: Verdict): VerdictFieldsDto {
  const a = v.assessment;
  return {
    horizon: v.horizon.date,
    horizonBasis: v.horizon.basis,
    horizonNote: v.horizon.note,
    status: v.status,
    assessment: {
      asOf: a.asOf.toISOString(),
      interimStatus: a.status,
      supportShare: a.supportShare === null ? null : round(a.supportShare),
      supportInterval: a.interval ? { lower: round(a.interval[0]), upper: round(a.interval[1]) } : null,
      supportWeight: round(a.supportWeight),
      contradictWeight: round(a.contradictWeight),
      accepted: a.accepted,
      distinctSources: a.distinctSources,
      largestSourceShare: a.largestSourceShare === null ? null : round(a.largestSourceShare),
      rules: {
        minAccepted: ASSESSMENT_PARAMETERS.minAccepted,
        minSources: ASSESSMENT_PARAMETERS.minSources,
        sourceCap: ASSESSMENT_PARAMETERS.sourceCap,
      },
      daysToHorizon: a.daysToHorizon,
      resolution: a.resolution ? ResolutionDto.from(a.resolution) : null,
    },
  };
}

export function monthlyView(points: MonthlyPoint[]) {
  return points.map((p) => ({ ...p, supportShare: p.supportShare === null ? null : round(p.supportShare) }));
}
