package io.cobench.data.fundus;

import io.cobench.cli.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The official ODIR-5K annotation workbook (one row per patient: {@code ID}, {@code Left-Fundus},
 * {@code Right-Fundus}, {@code Left-Diagnostic Keywords}, {@code Right-Diagnostic Keywords}, and
 * patient-level N..O). Eyes get labels from their own keywords ({@link OdirKeywords}); eyes with
 * a discard keyword are left out and counted.
 */
public final class OdirWorkbook {

    /**
     * @param eyes the usable eyes, left then right per patient
     * @param discarded file name to the discard phrase that removed it
     */
    record Result(List<OdirLoader.Eye> eyes, Map<String, String> discarded) {
    }

    private OdirWorkbook() {
    }

    static Result read(Path file) {
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter(java.util.Locale.ROOT);
            Row head = sheet.getRow(sheet.getFirstRowNum());
            if (head == null) {
                throw new UserError(file + ": first sheet is empty");
            }
            Map<String, Integer> cols = new LinkedHashMap<>();
            for (Cell c : head) {
                cols.put(fmt.formatCellValue(c).strip(), c.getColumnIndex());
            }
            int id = column(file, cols, "ID");
            int[] fundus = {column(file, cols, "Left-Fundus"), column(file, cols, "Right-Fundus")};
            int[] keywords = {column(file, cols, "Left-Diagnostic Keywords"),
                    column(file, cols, "Right-Diagnostic Keywords")};
            String[] side = {"left", "right"};
            List<OdirLoader.Eye> eyes = new ArrayList<>();
            Map<String, String> discarded = new LinkedHashMap<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int r = head.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String patient = row == null ? "" : fmt.formatCellValue(row.getCell(id)).strip();
                if (patient.isEmpty()) {
                    continue;
                }
                String where = file + ": row " + (r + 1);
                for (int e = 0; e < 2; e++) {
                    String name = fmt.formatCellValue(row.getCell(fundus[e])).strip();
                    if (!name.equals(patient + "_" + side[e] + ".jpg")) {
                        throw new UserError(where + ": " + side[e] + " fundus '" + name + "' is not "
                                + patient + "_" + side[e] + ".jpg");
                    }
                    Integer first = seen.putIfAbsent(name, r + 1);
                    if (first != null) {
                        throw new UserError(where + ": image " + name + " already listed in row " + first);
                    }
                    List<String> kw = OdirKeywords.split(fmt.formatCellValue(row.getCell(keywords[e])));
                    if (kw.isEmpty()) {
                        throw new UserError(where + ": no " + side[e] + " diagnostic keywords for " + name);
                    }
                    String reason = OdirKeywords.discardReason(kw);
                    if (reason != null) {
                        discarded.put(name, reason);
                    } else {
                        eyes.add(new OdirLoader.Eye(name, patient, OdirKeywords.labels(kw)));
                    }
                }
            }
            return new Result(eyes, discarded);
        } catch (IOException | org.apache.poi.EncryptedDocumentException e) {
            throw new UserError(file + ": cannot read the workbook: " + e.getMessage(), e);
        } catch (org.apache.poi.UnsupportedFileFormatException e) {
            throw new UserError(file + ": not an Excel workbook: " + e.getMessage(), e);
        }
    }

    private static int column(Path file, Map<String, Integer> cols, String name) {
        Integer i = cols.get(name);
        if (i == null) {
            throw new UserError(file + ": missing column '" + name + "'; columns found: " + cols.keySet());
        }
        return i;
    }
}
