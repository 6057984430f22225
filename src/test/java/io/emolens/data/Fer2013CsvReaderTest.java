package io.emolens.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;

class Fer2013CsvReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsEveryFixtureRowIntoItsSplitAndClass() {
        Dataset data = new Fer2013CsvReader().read(Fixtures.CSV, ReadOptions.STRICT);
        assertEquals(300, data.faces().size());
        Map<Split, int[]> counts = data.counts();
        assertArrayEquals(new int[] {28, 10, 28, 45, 32, 22, 35}, counts.get(Split.TRAINING));
        assertArrayEquals(new int[] {7, 3, 7, 11, 8, 6, 8}, counts.get(Split.PUBLIC_TEST));
        assertArrayEquals(new int[] {7, 3, 7, 11, 8, 6, 8}, counts.get(Split.PRIVATE_TEST));
        assertEquals(0, data.issues().total());
        assertEquals("sha256:3d98b547b24909d6186692860ac20ca1a7c940223ccec4f67da794c0af057b99", data.checksum());
    }

    @Test
    void keepsPixelsLabelsAndLineNumbers() {
        List<LabeledFace> faces = new Fer2013CsvReader().read(Fixtures.CSV, ReadOptions.DEFAULT).faces();
        LabeledFace first = faces.get(0);
        assertEquals(Emotion.SURPRISE, first.emotion());
        assertEquals(Split.TRAINING, first.split());
        assertEquals("fixture_fer2013.csv:2", first.origin());
        assertArrayEquals(new byte[] {33, 31, 34, 34, 31, 33, 33, 33, 36, 25, 53, 104}, java.util.Arrays.copyOf(first.pixels(), 12));
        LabeledFace last = faces.get(299);
        assertEquals(Emotion.HAPPY, last.emotion());
        assertEquals(Split.PRIVATE_TEST, last.split());
        assertEquals("fixture_fer2013.csv:301", last.origin());
        assertEquals(198, last.pixels()[0] & 0xFF);
        assertEquals(173, last.pixels()[2303] & 0xFF);
        assertEquals(198 / 255f, last.input()[0]);
    }

    @Test
    void acceptsColumnsInAnyOrderAndQuotedValues() throws IOException {
        List<String> lines = Files.readAllLines(Fixtures.CSV).subList(0, 3);
        StringBuilder sb = new StringBuilder("Usage,emotion,pixels\n");
        for (String line : lines.subList(1, 3)) {
            String[] c = line.split(",");
            sb.append('"').append(c[2]).append("\",").append(c[0]).append(",\"").append(c[1]).append("\"\n");
        }
        Path file = tmp.resolve("reordered.csv");
        Files.writeString(file, sb);
        Dataset reordered = new Fer2013CsvReader().read(file, ReadOptions.STRICT);
        Dataset original = new Fer2013CsvReader().read(Fixtures.CSV, ReadOptions.STRICT);
        assertEquals(2, reordered.faces().size());
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(original.faces().get(i).pixels(), reordered.faces().get(i).pixels());
            assertEquals(original.faces().get(i).emotion(), reordered.faces().get(i).emotion());
        }
    }

    @Test
    void readsGzipWithTheSameFacesAndChecksum() throws IOException {
        Path gz = tmp.resolve("fixture.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(Fixtures.CSV, out);
        }
        Dataset data = new Fer2013CsvReader().read(gz, ReadOptions.STRICT);
        assertEquals(300, data.faces().size());
        Dataset plain = new Fer2013CsvReader().read(Fixtures.CSV, ReadOptions.STRICT);
        assertArrayEquals(plain.faces().get(150).pixels(), data.faces().get(150).pixels());
        assertEquals(plain.checksum(), data.checksum(), "a model trained on the .csv must match the same data read from .csv.gz");
    }

    @Test
    void missingFileSaysWhereAndWhatToDo() {
        EmolensException e = assertThrows(EmolensException.class,
                () -> DatasetReader.readAny(tmp.resolve("nope.csv"), ReadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("nope.csv") && e.getMessage().contains("--data"), e.getMessage());
    }

    @Test
    void headerWithoutPixelsColumnIsRejectedWithLineOne() throws IOException {
        Path file = tmp.resolve("bad-header.csv");
        Files.writeString(file, "emotion,image,Usage\n0,1 2 3,Training\n");
        EmolensException e = assertThrows(EmolensException.class, () -> new Fer2013CsvReader().read(file, ReadOptions.DEFAULT));
        assertTrue(e.getMessage().startsWith("bad-header.csv line 1:"), e.getMessage());
    }

    @Test
    void fullFileMatchesTheReadmeCounts() {
        Dataset data = new Fer2013CsvReader().read(Fixtures.requireFullCsv(), ReadOptions.STRICT);
        assertEquals(35_887, data.faces().size());
        Map<Split, int[]> counts = data.counts();
        assertArrayEquals(new int[] {3995, 436, 4097, 7215, 4830, 3171, 4965}, counts.get(Split.TRAINING));
        assertArrayEquals(new int[] {467, 56, 496, 895, 653, 415, 607}, counts.get(Split.PUBLIC_TEST));
        assertArrayEquals(new int[] {491, 55, 528, 879, 594, 416, 626}, counts.get(Split.PRIVATE_TEST));
        assertEquals("sha256:085a0ca9c0e71fcd2bedba01b800bb885dbe75837ef407d05c492e65a6bfe0f5", data.checksum());
    }
}
