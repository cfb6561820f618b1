import { Body, Controller, Get, Param, Post, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiErrors, ListOf, UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { CaseException, CaseExceptionCode } from '@dh/cases';
import { CaseRecordException, CaseRecordExceptionCode } from '../case-records/case-record.exception';
import { AttachmentException, AttachmentExceptionCode } from './attachment.exception';
import { AttachmentsService } from './attachments.service';
import { CONTENT_TYPES } from './file-kind';
import { AttachmentViewDto, UploadAttachmentDto, WithdrawAttachmentDto } from './dtos/attachment.dto';

const { CASE_NOT_FOUND } = CaseExceptionCode;
const { NOT_CASE_TEAM } = CaseRecordExceptionCode;
const A = AttachmentExceptionCode;

@ApiTags('records')
@ApiBearerAuth()
@Controller('cases/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Permission('record.write', 'record')
  @Post()
  @ApiOperation({
    summary:
      'Đính kèm một tệp vào hồ sơ (PDF, JPEG, PNG, HEIC, DOCX) / attach a file to the case (the case team; multipart, field file)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadAttachmentDto })
  @ApiCreatedResponse({ type: AttachmentViewDto })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  @ApiErrors(CaseRecordException.statuses, NOT_CASE_TEAM)
  @ApiErrors(
    AttachmentException.statuses,
    A.FILE_TOO_LARGE,
    A.FILE_TYPE_NOT_ALLOWED,
    A.FILE_INFECTED,
    A.SCANNER_UNAVAILABLE,
  )
  upload(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Req() req: Request) {
    return this.attachments.upload(caller, id, req);
  }

  @Permission('record.read', 'record')
  @Get()
  @ApiOperation({
    summary:
      'Các tệp đính kèm của hồ sơ, kể cả tệp đã rút / the case’s attachments, withdrawn ones included (caption and name masked for those who may not read confidential content)',
  })
  @ApiOkResponse({ type: ListOf(AttachmentViewDto) })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  async list(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return { items: await this.attachments.list(caller, id) };
  }

  @Permission('record.read', 'record')
  @Get(':attachmentId/content')
  @ApiProduces(...Object.values(CONTENT_TYPES))
  @ApiOperation({
    summary:
      'Tải nội dung tệp đính kèm / download an attachment (those who may read the case’s confidential content; each download is recorded)',
  })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'the file, as an attachment' })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  @ApiErrors(AttachmentException.statuses, A.ATTACHMENT_NOT_FOUND, A.CONFIDENTIAL_ONLY, A.CONTENT_SHREDDED)
  async content(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Param('attachmentId', UuidParamPipe) attachmentId: string,
  ): Promise<StreamableFile> {
    const file = await this.attachments.content(caller, id, attachmentId);
    return new StreamableFile(file.stream, {
      type: file.type,
      length: file.sizeBytes,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }

  @Permission('record.write', 'record')
  @Post(':attachmentId/withdraw')
  @ApiOperation({ summary: 'Rút một tệp đính kèm, có lý do; tệp vẫn được giữ / withdraw an attachment, with a reason' })
  @ApiCreatedResponse({ type: AttachmentViewDto })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND)
  @ApiErrors(CaseRecordException.statuses, NOT_CASE_TEAM)
  @ApiErrors(AttachmentException.statuses, A.ATTACHMENT_NOT_FOUND, A.ALREADY_WITHDRAWN)
  withdraw(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Param('attachmentId', UuidParamPipe) attachmentId: string,
    @Body() dto: WithdrawAttachmentDto,
  ) {
    return this.attachments.withdraw(caller, id, attachmentId, dto.reason);
  }
}
