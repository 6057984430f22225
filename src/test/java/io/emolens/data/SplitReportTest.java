package io.emolens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The fixture holds exactly four duplicate groups taken from the real data (make_fixtures.py DUPLICATES):
 * Training line 2 = PrivateTest line 255 (Surprise), Training 3 = PublicTest 215 (Surprise), Training 4 =
 * Training 45 (Angry), Training 5 (Angry) = PublicTest 205 (Disgust: conflicting labels).
 */
class SplitReportTest {

    @Test
    void findsExactDuplicatesInsideAndAcrossSplits() {
        SplitReport r = SplitReport.of(new Fer2013CsvReader().read(Fixtures.CSV, ReadOptions.STRICT));
        assertEquals(4, r.duplicateGroups().size());
        assertEquals(1, r.duplicatesWithin(Split.TRAINING));
        assertEquals(0, r.duplicatesWithin(Split.PUBLIC_TEST));
        assertEquals(0, r.duplicatesWithin(Split.PRIVATE_TEST));
        assertEquals(3, r.groupsAcrossSplits());
        assertEquals(2, r.leakedFromTraining(Split.PUBLIC_TEST));
        assertEquals(1, r.leakedFromTraining(Split.PRIVATE_TEST));
        assertEquals(1, r.conflictingLabelGroups());
        List<String> origins = r.duplicateGroups().stream()
                .map(g -> g.stream().map(LabeledFace::origin).toList().toString()).toList();
        assertEquals(List.of("[fixture_fer2013.csv:2, fixture_fer2013.csv:255]", "[fixture_fer2013.csv:3, fixture_fer2013.csv:215]",
                "[fixture_fer2013.csv:4, fixture_fer2013.csv:45]", "[fixture_fer2013.csv:5, fixture_fer2013.csv:205]"), origins);
    }

    @Test
    void reportsRowsPerSplitAndImbalance() {
        SplitReport r = SplitReport.of(new Fer2013CsvReader().read(Fixtures.CSV, ReadOptions.STRICT));
        assertEquals(200, r.total(Split.TRAINING));
        assertEquals(50, r.total(Split.PUBLIC_TEST));
        assertEquals(4.5, r.imbalance(Split.TRAINING), 1e-12);
        String text = r.format();
        assertTrue(text.contains("leakage: 2 PublicTest and 1 PrivateTest rows are exact copies of Training images"), text);
        assertTrue(text.contains("no bad rows"), text);
    }

    @Test
    void fullFileDuplicatesAndLeakage() {
        SplitReport r = SplitReport.of(new Fer2013CsvReader().read(Fixtures.requireFullCsv(), ReadOptions.STRICT));
        assertEquals(1514, r.duplicateGroups().size());
        assertEquals(1234, r.duplicatesWithin(Split.TRAINING));
        assertEquals(26, r.duplicatesWithin(Split.PUBLIC_TEST));
        assertEquals(17, r.duplicatesWithin(Split.PRIVATE_TEST));
        assertEquals(557, r.groupsAcrossSplits());
        assertEquals(280, r.leakedFromTraining(Split.PUBLIC_TEST));
        assertEquals(288, r.leakedFromTraining(Split.PRIVATE_TEST));
        assertEquals(56, r.conflictingLabelGroups());
        assertEquals(7215 / 436.0, r.imbalance(Split.TRAINING), 1e-12);
    }
}
