package io.emolens.detect;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.emolens.core.FaceBox;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which of two candidate boxes survive {@link BoxSuppression#FACES}, table-driven. */
class BoxSuppressionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            // case; box a (score 5); box b (score 3); boxes kept
            "nested at two scales (IoU 0.25, fully inside);   100,100,100,100; 125,125,50,50;  100,100,100,100",
            "the better-scored inner box wins;                125,125,50,50;   100,100,100,100; 125,125,50,50",
            "overlapping (IoU 0.47);                          100,100,100,100; 130,120,100,100; 100,100,100,100",
            "touching neighbours are two faces;               100,100,100,100; 200,100,100,100; 100,100,100,100 200,100,100,100",
            "small overlap (IoU 0.11, 20% inside);            100,100,100,100; 180,100,100,100; 100,100,100,100 180,100,100,100",
            "65% inside a much bigger box stays;              0,0,300,300;     235,100,100,100; 0,0,300,300 235,100,100,100",
            "75% inside merges;                               0,0,300,300;     225,100,100,100; 0,0,300,300"})
    void keepsOneBoxPerFace(String name, String a, String b, String kept) {
        List<FaceBox> result = BoxSuppression.FACES.apply(List.of(new BoxSuppression.Scored(box(a), 5), new BoxSuppression.Scored(box(b), 3)));
        List<FaceBox> expected = java.util.Arrays.stream(kept.trim().split(" ")).map(BoxSuppressionTest::box).toList();
        assertEquals(expected, result, name);
    }

    @ParameterizedTest
    @CsvSource({"100,100,100,100, 125,125,50,50, 1.0", "0,0,100,100, 50,0,100,100, 0.5", "0,0,10,10, 20,20,10,10, 0.0"})
    void containmentIsTheShareOfTheSmallerBoxInside(int ax, int ay, int aw, int ah, int bx, int by, int bw, int bh, double share) {
        assertEquals(share, new FaceBox(ax, ay, aw, ah).containment(new FaceBox(bx, by, bw, bh)), 1e-9);
        assertEquals(share, new FaceBox(bx, by, bw, bh).containment(new FaceBox(ax, ay, aw, ah)), 1e-9);
    }

    private static FaceBox box(String s) {
        String[] v = s.trim().split(",");
        return new FaceBox(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]), Integer.parseInt(v[3]));
    }
}
