package io.emolens.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.core.EmolensException;
import io.emolens.TestFiles;

/** FER2013 CSVs as people make them: saved by spreadsheets, with extra columns, or not CSVs at all. */
class SpreadsheetCsvTest {
    @TempDir
    Path tmp;

    private static List<String> fixtureRows(int n) throws IOException {
        return Files.readAllLines(Fixtures.CSV).subList(1, 1 + n);
    }

    @Test
    void readsABomCrlfQuotedSpreadsheetExportWithExtraColumnsLikeThePlainFile() throws IOException {
        List<String> rows = fixtureRows(20);
        StringBuilder sb = new StringBuilder("\uFEFF\"emotion\",\"pixels\",\"Usage\",\"annotator, first\",notes\r\n");
        for (String row : rows) {
            String[] c = row.split(",");
            sb.append(c[0]).append(",\"").append(c[1]).append("\",\"").append(c[2]).append("\",\"Smith, J.\",\"said \"\"ok\"\"\"\r\n");
        }
        Path file = tmp.resolve("excel.csv");
        Files.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));

        Dataset data = new Fer2013CsvReader().read(file, ReadOptions.STRICT);
        Dataset plain = new Fer2013CsvReader().read(Fixtures.CSV, ReadOptions.DEFAULT);
        assertEquals(20, data.faces().size());
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(plain.faces().get(i).pixels(), data.faces().get(i).pixels());
            assertEquals(plain.faces().get(i).emotion(), data.faces().get(i).emotion());
            assertEquals(plain.faces().get(i).split(), data.faces().get(i).split());
        }
        assertEquals(List.of("extra columns ignored in excel.csv: 'annotator, first', 'notes'"), data.issues().notes());
        assertTrue(data.issues().format().startsWith("note: extra columns ignored"), data.issues().format());
    }

    @Test
    void aStrayQuoteCostsItsOwnRowOnlyNotTheRowsAfterIt() throws IOException {
        List<String> rows = fixtureRows(5);
        Path file = tmp.resolve("stray.csv");
        Files.writeString(file, "emotion,pixels,Usage\n" + rows.get(0) + "\n" + rows.get(1).replaceFirst(",", ",\"") + "\n"
                + String.join("\n", rows.subList(2, 5)) + "\n");
        Dataset data = new Fer2013CsvReader().read(file, ReadOptions.DEFAULT);
        assertEquals(4, data.faces().size());
        assertEquals(List.of(3L), data.issues().firstLines(IssueKind.MALFORMED_LINE));
        assertEquals(List.of("stray.csv:2", "stray.csv:4", "stray.csv:5", "stray.csv:6"), data.faces().stream().map(LabeledFace::origin).toList());
        assertTrue(data.issues().format().contains("stray.csv line 3: malformed CSV line (a quoted field is not closed"), data.issues().format());
    }

    @Test
    void reportsPixelValuesOutsideTheByteRangeWithTheirLines() throws IOException {
        List<String> rows = fixtureRows(3);
        Path file = tmp.resolve("range.csv");
        Files.writeString(file, "emotion,pixels,Usage\n" + rows.get(0) + "\n"
                + rows.get(1).replaceFirst(",(\\d+) ", ",-4 ") + "\n" + rows.get(2).replaceFirst(",(\\d+) ", ",256 ") + "\n");
        Dataset data = new Fer2013CsvReader().read(file, ReadOptions.DEFAULT);
        assertEquals(1, data.faces().size());
        assertEquals(2, data.issues().count(IssueKind.PIXEL_OUT_OF_RANGE));
        assertEquals(List.of(3L, 4L), data.issues().firstLines(IssueKind.PIXEL_OUT_OF_RANGE));
        assertTrue(data.issues().format().contains("range.csv line 3: pixel outside 0-255 (pixel 1 is -4)"), data.issues().format());
    }

    @Test
    void saysWhatItAssumesWithoutAUsageColumn() throws IOException {
        StringBuilder sb = new StringBuilder("emotion,pixels\n");
        for (String row : fixtureRows(5)) {
            sb.append(row, 0, row.lastIndexOf(',')).append('\n');
        }
        Path file = tmp.resolve("no-usage.csv");
        Files.writeString(file, sb);
        Dataset data = new Fer2013CsvReader().read(file, ReadOptions.DEFAULT);
        assertEquals(5, data.split(Split.TRAINING).size());
        assertEquals(List.of("no Usage column in no-usage.csv: all 5 rows are read as Training"), data.issues().notes());
    }

    @Test
    void refusesAVideoUpFrontNamingWhatItIs() {
        Path video = TestFiles.repo().resolve("demo/demo.mp4");
        EmolensException e = assertThrows(EmolensException.class, () -> new Fer2013CsvReader().read(video, ReadOptions.DEFAULT));
        assertEquals("demo.mp4 is not a CSV: it looks like an MP4 video. Give the FER2013 CSV (emotion,pixels,Usage) or a folder"
                + " with train/<class>/ and test/<class>/ images.", e.getMessage());
    }

    @Test
    void refusesImagesModelsAndRandomBytes() throws IOException {
        Path photo = TestFiles.repo().resolve("src/test/resources/faces/obama.jpg");
        assertTrue(message(photo).contains("looks like a JPEG image"), message(photo));
        Path model = TestFiles.repo().resolve("models/emolens-default.zip");
        assertTrue(message(model).contains("looks like a ZIP archive"), message(model));
        byte[] noise = new byte[5000];
        new java.util.Random(7).nextBytes(noise);
        Path random = Files.write(tmp.resolve("noise.csv"), noise);
        assertTrue(message(random).contains("binary data"), message(random));
    }

    @Test
    void skipsAnEnormousLineWithoutRunningOutOfMemory() throws IOException {
        List<String> rows = fixtureRows(2);
        Path file = tmp.resolve("huge-line.csv");
        String huge = "0," + "1 ".repeat(2_500_000) + ",Training";
        Files.writeString(file, "emotion,pixels,Usage\n" + rows.get(0) + "\n" + huge + "\n" + rows.get(1) + "\n");
        Dataset data = new Fer2013CsvReader().read(file, ReadOptions.DEFAULT);
        assertEquals(2, data.faces().size());
        assertEquals(List.of(3L), data.issues().firstLines(IssueKind.LINE_TOO_LONG));
        assertEquals("huge-line.csv:4", data.faces().get(1).origin(), "line numbers stay right after the long line");
    }

    @Test
    void recognizesGzipByContentAndRefusesAFakeGzName() throws IOException {
        Path gz = tmp.resolve("fer-gzipped.csv");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(Fixtures.CSV, out);
        }
        assertEquals(300, new Fer2013CsvReader().read(gz, ReadOptions.DEFAULT).faces().size());
        Path fake = Files.copy(Fixtures.CSV, tmp.resolve("plain.csv.gz"));
        EmolensException e = assertThrows(EmolensException.class, () -> new Fer2013CsvReader().read(fake, ReadOptions.DEFAULT));
        assertEquals("plain.csv.gz is named .gz but is not gzip-compressed: rename it or give the plain CSV.", e.getMessage());
        byte[] bytes = Files.readAllBytes(gz);
        Path cut = Files.write(tmp.resolve("cut.csv.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        EmolensException truncated = assertThrows(EmolensException.class, () -> new Fer2013CsvReader().read(cut, ReadOptions.DEFAULT));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        assertFalse(new Fer2013CsvReader().read(Fixtures.CSV, ReadOptions.DEFAULT).issues().notes().iterator().hasNext());
    }

    private static String message(Path file) {
        return assertThrows(EmolensException.class, () -> new Fer2013CsvReader().read(file, ReadOptions.DEFAULT)).getMessage();
    }
}
