import type { ShapeReader } from './text-pieces';
import { boxesReader } from './text-boxes';
import { cellsReader } from './text-cells';
import { columnsReader, runTogetherReader } from './text-columns';
import { markdownReader } from './text-markdown';

/**
 * Text whose tables a converter drew in a shape of its own (box drawing, Markdown grids, pdftotext
 * columns…) is read by a shape reader into the same blocks as a web page: paragraphs, and tables
 * as cell grids whose pieces point at the text itself, so findings and fixes land where the user
 * sees them. A reader that does not find its shape says so (undefined) and the next one is tried;
 * when none does, the line parser reads the text as it always has. Tried in order: the strictest
 * detectors first.
 */
export const SHAPE_READERS: ShapeReader[] = [boxesReader, columnsReader, runTogetherReader, markdownReader, cellsReader];
