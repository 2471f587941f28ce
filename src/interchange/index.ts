/**
 * The interchange formats: readers that turn files into segments, writers
 * that turn segments back into files. Pure: no database, no Express.
 */
export { InterchangeError, type InterchangeErrorCode, type TextPosition } from './errors';
export type { ElementRange, GlossaryEntry, ImportedSegment, Range, ReviewStatus } from './types';
export { chunksOf, DEFAULT_CHUNK_SIZE } from './chunks';
export { decodeBytes, StrictTextDecoder, XmlTextEncoder } from './textEncoding';
export {
  anchorJson,
  readAnchor,
  readXliff,
  XliffReader,
  type Xliff12Anchor,
  type Xliff20Anchor,
  type XliffAnchor,
  type XliffDocument,
  type XliffImport,
  type XliffSegment,
  type XliffStats,
} from './xliffReader';
export { writeXliff, xliff20State, xliffExportChunks, type XliffSegmentUpdate, type XliffWriteOptions } from './xliffWriter';
export { readTable, TableReader, type TableColumns, type TableImport, type TableReaderOptions } from './tableReader';
export { readParallelText, type ParallelSegment, type ParallelTextImport, type ParallelTextOptions } from './parallelText';
export { articleXliffChunks, writeArticleXliff, type ArticleForXliff, type ArticleSegmentForXliff } from './articleXliff';
export { tmxChunks, writeTmx, type TmxOptions, type TmxSegment } from './tmxWriter';
export { readTbx, TbxReader, writeTbx, type TbxReadOptions } from './tbx';
export { GLOSSARY_CSV_COLUMNS, readGlossaryCsv, writeGlossaryCsv } from './glossaryCsv';
