import ExcelJS from 'exceljs';

/**
 * A workbook's sheets as exceljs reads them back: rows and cells from 1, with holes where nothing is written. What a
 * spreadsheet shows, whichever writer laid out the zip.
 */
export async function workbookSheets(bytes: Buffer): Promise<unknown[][][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) =>
    Array.from(sheet.getSheetValues(), (row) => (Array.isArray(row) ? Array.from(row.slice(1)) : [])),
  );
}
