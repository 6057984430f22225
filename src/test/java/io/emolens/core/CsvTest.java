package io.emolens.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one CSV dialect: what people's CSVs hold (quotes, commas and line breaks in fields, BOM, CRLF) reads back whole, at the right line. */
class CsvTest {
    private static final Path FER2013_FIXTURE = Path.of("src/test/resources/fer2013/fixture_fer2013.csv");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1,2,demo.mp4,3|1;2;demo.mp4;3",
            "1,2,\"party, 2024.mp4\",3|1;2;party, 2024.mp4;3",
            "1,\"say \"\"hi\"\"\",3|1;say \"hi\";3",
            "1,,,4|1;;;4",
            "\uFEFFemotion,pixels|emotion;pixels"})
    void splitsOneLineAsSpreadsheetsWriteIt(String line, String fields) {
        assertEquals(List.of(fields.split(";", -1)), Csv.fields(line));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsText() {
        assertEquals(List.of("1", "5\" screen", "3"), Csv.fields("1,5\" screen,3"));
    }

    @Test
    void anUnclosedQuoteOnALineIsAnErrorInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csv.fields("0,\"1 2 3,Training"));
        assertTrue(e.getMessage().contains("not closed"), e.getMessage());
    }

    @Test
    void writesQuotesOnlyWhereAFieldNeedsThem() {
        assertEquals("1,demo.mp4,,0.5", Csv.line(1, "demo.mp4", null, "0.5"));
        assertEquals("\"party, 2024.mp4\",\"say \"\"hi\"\"\",\"two\nlines\"", Csv.line("party, 2024.mp4", "say \"hi\"", "two\nlines"));
    }

    @Test
    void everyAwkwardFieldRoundTripsThroughAFileWithItsLineNumber(@TempDir Path dir) throws IOException {
        List<List<String>> rows = List.of(
                List.of("a", "plain"),
                List.of("b", "comma, inside"),
                List.of("c", "line\nbreak"),
                List.of("d", "\"quoted\" twice \"\""),
                List.of("e", ""),
                List.of("f", "crlf\r\ninside"));
        StringBuilder text = new StringBuilder(Csv.line("id", "value")).append('\n');
        rows.forEach(r -> text.append(Csv.line(r)).append('\n'));
        Path file = dir.resolve("t.csv");
        Files.writeString(file, text);
        try (Csv.Rows read = Csv.open(file)) {
            assertEquals(List.of("id", "value"), read.header());
            assertEquals(1, read.column("VALUE"));
            List<Csv.Row> got = read.toList();
            assertEquals(rows, got.stream().map(Csv.Row::fields).toList());
            assertEquals(List.of(2L, 3L, 4L, 6L, 7L, 8L), got.stream().map(Csv.Row::line).toList());
        }
    }

    @Test
    void readsASpreadsheetsBomCrlfExportWithBlankLinesAtTheirFileLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("excel.csv");
        Files.write(file, "\uFEFFstart_ms,end_ms,label\r\n0,100,Happy\r\n\r\n100,250,\"Sad\"\r\n".getBytes(StandardCharsets.UTF_8));
        try (Csv.Rows read = Csv.open(file)) {
            assertEquals(List.of("start_ms", "end_ms", "label"), read.header());
            List<Csv.Row> got = read.toList();
            assertEquals(List.of(List.of("0", "100", "Happy"), List.of("100", "250", "Sad")), got.stream().map(Csv.Row::fields).toList());
            assertEquals(List.of(2L, 4L), got.stream().map(Csv.Row::line).toList());
        }
    }

    @Test
    void aQuoteNeverClosedInAFileNamesTheLineItOpenedOn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.csv");
        Files.writeString(file, "a,b\n1,2\n3,\"open\n5,6\n7,8\n");
        try (Csv.Rows read = Csv.open(file)) {
            List<Csv.Row> before = new ArrayList<>();
            EmolensException e = assertThrows(EmolensException.class, () -> read.forEach(before::add));
            assertEquals(List.of(List.of("1", "2")), before.stream().map(Csv.Row::fields).toList());
            assertTrue(e.getMessage().startsWith(file + " line 3: a quoted field is never closed"), e.getMessage());
        }
    }

    @Test
    void realFer2013RowsSurviveWritingAndReadingUnchanged() throws IOException {
        List<String> lines = Files.readAllLines(FER2013_FIXTURE);
        for (String line : lines.subList(0, 20)) {
            List<String> fields = Csv.fields(line);
            assertEquals(3, fields.size());
            assertEquals(line, Csv.line(fields));
        }
        List<String> first = Csv.fields(lines.get(1));
        assertEquals(2304, Arrays.stream(first.get(1).split(" ")).mapToInt(Integer::parseInt).filter(v -> v >= 0 && v <= 255).count());
    }
}
