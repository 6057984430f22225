package io.emolens.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;

/** The image-folder fixture was written from fixture_fer2013.csv rows: file NNNNN = data row NNNNN (line NNNNN + 2). */
class ImageFolderReaderTest {
    private static final Dataset IMAGES = new ImageFolderReader().read(Fixtures.IMAGES, ReadOptions.DEFAULT);
    private static final List<LabeledFace> ROWS = new Fer2013CsvReader().read(Fixtures.CSV, ReadOptions.STRICT).faces();

    @Test
    void readsEverySplitAndMixedCaseClassFolder() {
        Map<Split, int[]> counts = IMAGES.counts();
        assertArrayEquals(new int[] {3, 3, 3, 3, 3, 3, 3}, counts.get(Split.TRAINING));
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1}, counts.get(Split.PUBLIC_TEST));
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1}, counts.get(Split.PRIVATE_TEST));
    }

    @Test
    void reportsTheUnreadableImage() {
        assertEquals(1, IMAGES.issues().total());
        assertEquals("train/fear/Training_broken.png: unreadable image (not a PNG/JPEG image that Java can decode)",
                IMAGES.issues().first(IssueKind.UNREADABLE_IMAGE).get(0).describe());
    }

    @Test
    void pixelsEqualTheCsvRowsTheyWereWrittenFrom() {
        for (LabeledFace face : IMAGES.faces()) {
            String name = face.origin().substring(face.origin().lastIndexOf('/') + 1);
            int row = Integer.parseInt(name.replaceAll("\\D", ""));
            LabeledFace source = ROWS.get(row);
            assertEquals(source.emotion(), face.emotion(), face.origin());
            assertEquals(source.split(), face.split(), face.origin());
            assertArrayEquals(source.pixels(), face.pixels(), face.origin());
        }
    }

    @Test
    void downscalesALargerImageWithTheSharedPreprocessor() {
        LabeledFace big = IMAGES.faces().stream().filter(f -> f.origin().equals("train/happy/Training_00015.png")).findFirst()
                .orElseThrow();
        assertEquals(Emotion.HAPPY, big.emotion());
        assertArrayEquals(ROWS.get(15).pixels(), big.pixels());
    }

    @Test
    void strictStopsAtTheUnreadableImage() {
        EmolensException e = assertThrows(EmolensException.class,
                () -> new ImageFolderReader().read(Fixtures.IMAGES, ReadOptions.STRICT));
        assertEquals("train/fear/Training_broken.png: unreadable image (not a PNG/JPEG image that Java can decode). "
                + "Fix or remove it, or leave out --strict to skip bad images and get a report.", e.getMessage());
    }

    @Test
    void aFolderWithoutSplitsIsExplained() {
        EmolensException e = assertThrows(EmolensException.class,
                () -> new ImageFolderReader().read(Fixtures.IMAGES.resolve("train"), ReadOptions.DEFAULT));
        assertEquals(true, e.getMessage().startsWith("no train/ or test/ folder in "), e.getMessage());
    }
}
