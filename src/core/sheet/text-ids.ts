// Ids (Row.ids) for the texts an XLSX sheet's reader makes once and then repeats down a column:
// the whole numbers 0–9999, the two booleans and the dates. They come after the shared strings'
// indexes, so that the rules that judge a text once per id (engine/text-memo.ts) judge a year, a
// TRUE or a date once too. One table per workbook read: both scanners of a sheet (the byte
// scanner and saxes after a fallback) give a text the same id.

/** Dates given an id; later ones get none (-1), and the memos indexed by id stay small. */
const MAX_DATES = 65536;
/** Whole numbers with an id: 0 to SMALL_IDS − 1. */
export const SMALL_IDS = 10000;

export class TextIds {
  /** Id of the whole number 0; 0–9999 follow. */
  readonly small: number;
  /** Id of FALSE; TRUE is the next. */
  readonly booleans: number;
  private readonly firstDate: number;
  private readonly dates = new Map<number, number>();
  /** Per date id (from firstDate), its text once made. */
  readonly dateTexts: (string | undefined)[] = [];

  constructor(sharedStrings: number) {
    this.small = sharedStrings;
    this.booleans = this.small + SMALL_IDS;
    this.firstDate = this.booleans + 2;
  }

  /** The id of the date whose key is `key` (serial and kind), or -1 once MAX_DATES dates have one. */
  date(key: number): number {
    let id = this.dates.get(key);
    if (id === undefined) {
      if (this.dates.size >= MAX_DATES) return -1;
      this.dates.set(key, (id = this.firstDate + this.dates.size));
    }
    return id;
  }

  /** Where the text of date `id` is kept in dateTexts. */
  dateSlot(id: number): number {
    return id - this.firstDate;
  }
}
