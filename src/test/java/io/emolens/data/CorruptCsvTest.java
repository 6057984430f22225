package io.emolens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.emolens.core.EmolensException;

/** The hand-corrupted fixture: 28 data rows (lines 2-29), 8 of them bad at known lines. */
class CorruptCsvTest {
    private static final Dataset DATA = new Fer2013CsvReader().read(Fixtures.CORRUPT_CSV, ReadOptions.DEFAULT);

    static Stream<Arguments> expectedIssues() {
        return Stream.of(
                Arguments.of(IssueKind.WRONG_PIXEL_COUNT, List.of(4L, 19L), "2303 pixels, expected 2304"),
                Arguments.of(IssueKind.NON_NUMERIC_PIXEL, List.of(7L), "pixel 2 is '1x3'"),
                Arguments.of(IssueKind.LABEL_OUT_OF_RANGE, List.of(10L, 22L), "emotion 7"),
                Arguments.of(IssueKind.UNKNOWN_USAGE, List.of(13L), "'Validation', expected Training, PublicTest or PrivateTest"),
                Arguments.of(IssueKind.MISSING_COLUMN, List.of(16L), "2 columns, expected 3"),
                Arguments.of(IssueKind.PIXEL_OUT_OF_RANGE, List.of(25L), "pixel 1 is 256"),
                Arguments.of(IssueKind.UNREADABLE_IMAGE, List.of(), null));
    }

    @ParameterizedTest
    @MethodSource("expectedIssues")
    void countsEachKindWithItsLines(IssueKind kind, List<Long> lines, String firstMessage) {
        assertEquals(lines.size(), DATA.issues().count(kind));
        assertEquals(lines, DATA.issues().firstLines(kind));
        if (firstMessage != null) {
            assertEquals(firstMessage, DATA.issues().first(kind).get(0).message());
        }
    }

    @Test
    void keepsTheGoodRowsAndSkipsNoneSilently() {
        assertEquals(20, DATA.faces().size());
        assertEquals(8, DATA.issues().total());
        assertEquals(28, DATA.faces().size() + DATA.issues().total());
        assertEquals("fixture_fer2013_corrupt.csv line 4: wrong pixel count (2303 pixels, expected 2304)",
                DATA.issues().first(IssueKind.WRONG_PIXEL_COUNT).get(0).describe());
    }

    @Test
    void strictStopsAtTheFirstBadRowWithFileAndLine() {
        EmolensException e = assertThrows(EmolensException.class,
                () -> new Fer2013CsvReader().read(Fixtures.CORRUPT_CSV, ReadOptions.STRICT));
        assertEquals("fixture_fer2013_corrupt.csv line 4: wrong pixel count (2303 pixels, expected 2304). "
                + "Fix or remove the row, or leave out --strict to skip bad rows and get a report.", e.getMessage());
    }
}
