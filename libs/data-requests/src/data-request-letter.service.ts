import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Caller } from '@dh/identity';
import type { LearnerExport } from './access-export.service';
import { renderAnswerLetter, renderExportDocx } from './data-request-docx';
import { DataRequestsService } from './data-requests.service';

// The documents a request's answer goes out with: the export as a document, and the letter the principal signs.
@Injectable()
export class DataRequestLetterService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly requests: DataRequestsService,
  ) {}

  exportDocx(e: LearnerExport): Promise<Buffer> {
    return renderExportDocx(e);
  }

  async answerLetter(caller: Caller, id: string): Promise<Buffer> {
    const view = await this.requests.get(caller, id);
    const [names]: { school: string; learner: string }[] = await this.source.query(
      `SELECT s.name AS school, l.full_name AS learner FROM learner l JOIN school s ON s.id = l.school_id WHERE l.id = $1`,
      [view.learnerId],
    );
    return renderAnswerLetter(view, names.school, names.learner);
  }
}
