import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { ExportQueryDto } from '@dh/data-requests';
import { Permission } from '@dh/identity';
import { ProcessingRecordDto } from './dtos/processing-record.response';
import { renderProcessingRecordDocx } from './processing-record-docx';
import { ProcessingRecord, ProcessingRecordService } from './processing-record.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/privacy/processing-record')
export class ProcessingRecordController {
  constructor(
    private readonly records: ProcessingRecordService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Permission('privacy.record')
  @Get()
  @ApiProduces('application/json', DOCX)
  @ApiOperation({
    summary:
      'Nhật ký hoạt động xử lý dữ liệu cá nhân, lập từ khai báo của từng phân hệ / the record of processing, built from each module’s declarations (Law 91/2025)',
  })
  @ApiOkResponse({ type: ProcessingRecordDto, description: 'JSON, or with ?format=docx the .docx as an attachment' })
  async get(@Query() q: ExportQueryDto): Promise<ProcessingRecord | StreamableFile> {
    const record = this.records.record();
    if (q.format !== 'docx') return record;
    const file = await renderProcessingRecordDocx(record, this.config.tzName);
    return new StreamableFile(file, {
      type: DOCX,
      disposition: 'attachment; filename="nhat-ky-xu-ly-du-lieu-ca-nhan.docx"',
    });
  }
}
