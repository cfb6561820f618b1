import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { CursorPage, Page } from './page-query.dto';

// Swagger cannot see a generic: each list shape is a class per item class, named after it (CaseViewPage,
// WardViewList), made once so that the document has one schema per name.
const made = new Map<string, Type<unknown>>();

const once = <T>(name: string, make: () => Type<T>): Type<T> => {
  const existing = made.get(name);
  if (existing) return existing as Type<T>;
  const cls = make();
  Object.defineProperty(cls, 'name', { value: name });
  made.set(name, cls);
  return cls;
};

// `{ items, total, page, pageSize }`: a page of a search.
export const PageOf = <T>(item: Type<T>): Type<Page<T>> =>
  once(`${item.name}Page`, () => {
    class PageResponse implements Page<T> {
      @ApiProperty({ type: () => [item] }) items!: T[];
      @ApiProperty({ description: 'items matching, on every page' }) total!: number;
      @ApiProperty() page!: number;
      @ApiProperty() pageSize!: number;
    }
    return PageResponse;
  });

// `{ items, total, page, pageSize, nextCursor }`: a page of a list that is also walked by cursor.
export const CursorPageOf = <T>(item: Type<T>): Type<CursorPage<T>> =>
  once(`${item.name}CursorPage`, () => {
    class CursorPageResponse implements CursorPage<T> {
      @ApiProperty({ type: () => [item] }) items!: T[];
      @ApiProperty({ description: 'items matching, on every page' }) total!: number;
      @ApiProperty({ description: 'the page number asked for (1 when walking by cursor)' }) page!: number;
      @ApiProperty() pageSize!: number;
      @ApiProperty({
        type: String,
        nullable: true,
        description: 'where the next page starts (send it as cursor, with the same filters); null on the last page',
      })
      nextCursor!: string | null;
    }
    return CursorPageResponse;
  });

// `{ items }`: a whole list.
export const ListOf = <T>(item: Type<T>): Type<{ items: T[] }> =>
  once(`${item.name}List`, () => {
    class ListResponse {
      @ApiProperty({ type: () => [item] }) items!: T[];
    }
    return ListResponse;
  });
