export * from './data-request.entity';
export * from './data-request.exception';
export * from './data-requests.module';
export * from './data-requests.service';
export { EXPORT_FORMATS, ExportQueryDto } from './dtos/export-query.dto';
