import { Body, Controller, Get, HttpCode, Param, Post, Put, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, IdentityException, IdentityExceptionCode, Permission } from '@dh/identity';
import { LearnerException, LearnerExceptionCode } from '../learner.exception';
import { ChangeRosterMappingDto, ConfirmRosterImportDto } from './dtos/roster-import.dto';
import { RosterImportViewDto } from './dtos/roster-import-view.response';
import { RosterImportService, UploadedRosterFile } from './roster-import.service';

const { ROSTER_IMPORT_NOT_FOUND, ROSTER_IMPORT_NOT_PENDING } = LearnerExceptionCode;
const { SCHOOL_NOT_FOUND } = IdentityExceptionCode;

// A school's roster from its Excel or CSV export: upload (a preview and a proposed mapping), change the mapping,
// confirm (the run starts in the background), follow its progress. The guard refuses other roles before multer
// reads a byte of the upload; the service then holds the school against the caller's.
@ApiTags('learners')
@ApiBearerAuth()
@Controller('schools/:id/roster-imports')
export class RosterImportsController {
  constructor(private readonly imports: RosterImportService) {}

  @Permission('learner.import')
  @Post()
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: '.xlsx hoặc .csv / .xlsx or .csv' } },
    },
  })
  @ApiOperation({
    summary:
      'Tải lên danh sách học sinh (.xlsx, .csv): đề xuất cách ghép cột và xem trước / upload a roster: a proposed column mapping and a preview',
  })
  @ApiCreatedResponse({ type: RosterImportViewDto })
  @ApiErrors(IdentityException.statuses, SCHOOL_NOT_FOUND)
  upload(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) schoolId: string,
    @UploadedFile() file: UploadedRosterFile | undefined,
  ) {
    return this.imports.upload(caller, schoolId, file);
  }

  @Permission('learner.import')
  @Get(':importId')
  @ApiOperation({ summary: 'Một lần nhập danh sách: trạng thái và tiến độ / one roster import: status and progress' })
  @ApiOkResponse({ type: RosterImportViewDto })
  @ApiErrors(IdentityException.statuses, SCHOOL_NOT_FOUND)
  @ApiErrors(LearnerException.statuses, ROSTER_IMPORT_NOT_FOUND)
  get(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) schoolId: string,
    @Param('importId', UuidParamPipe) importId: string,
  ) {
    return this.imports.get(caller, schoolId, importId);
  }

  @Permission('learner.import')
  @Put(':importId/mapping')
  @ApiOperation({ summary: 'Đổi cách ghép cột, xem trước lại / change the column mapping and preview again' })
  @ApiOkResponse({ type: RosterImportViewDto })
  @ApiErrors(IdentityException.statuses, SCHOOL_NOT_FOUND)
  @ApiErrors(LearnerException.statuses, ROSTER_IMPORT_NOT_FOUND, ROSTER_IMPORT_NOT_PENDING)
  changeMapping(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) schoolId: string,
    @Param('importId', UuidParamPipe) importId: string,
    @Body() dto: ChangeRosterMappingDto,
  ) {
    return this.imports.changeMapping(caller, schoolId, importId, dto);
  }

  @Permission('learner.import')
  @Post(':importId/confirm')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Xác nhận và nhập danh sách (chạy nền; theo dõi tiến độ bằng GET) / confirm: the import runs in the background',
  })
  @ApiAcceptedResponse({ type: RosterImportViewDto })
  @ApiErrors(IdentityException.statuses, SCHOOL_NOT_FOUND)
  @ApiErrors(LearnerException.statuses, ROSTER_IMPORT_NOT_FOUND, ROSTER_IMPORT_NOT_PENDING)
  confirm(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) schoolId: string,
    @Param('importId', UuidParamPipe) importId: string,
    @Body() dto: ConfirmRosterImportDto,
  ) {
    return this.imports.confirm(caller, schoolId, importId, dto);
  }
}
