package io.emolens.eval;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.emolens.core.FaceBox;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Matching detections to ground truth at IoU 0.4, table-driven. Truth: F = face, I = ignore region. */
class DetectionScoreTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            // case; truth boxes; detections; tp; fp; missed
            "exact hit;                         F0,0,100,100;                 0,0,100,100;                1; 0; 0",
            "IoU 0.5 is a hit;                  F0,0,100,100;                 0,0,100,50;                 1; 0; 0",
            "IoU 0.33 is a miss and a false;    F0,0,100,100;                 50,0,100,100;               0; 1; 1",
            "nothing found;                     F0,0,100,100;                 ;                           0; 0; 1",
            "two boxes on one face: one false;  F0,0,100,100;                 0,0,100,100 5,5,90,90;      1; 1; 0",
            "an ignore region found: neutral;   F0,0,100,100 I200,0,50,50;    0,0,100,100 200,0,50,50;    1; 0; 0",
            "an ignore region missed: neutral;  I200,0,50,50;                 ;                           0; 0; 0",
            "a face-free frame;                 ;                             10,10,40,40;                0; 1; 0",
            "the better IoU pairs first;        F0,0,100,100 F60,0,100,100;   55,0,100,100 0,0,100,100;   2; 0; 0"})
    void countsHitsFalseFacesAndMisses(String name, String truth, String detections, long tp, long fp, long missed) {
        DetectionScore s = DetectionScore.of(truth(truth), boxes(detections), 0.4);
        assertEquals(new DetectionScore(tp, fp, missed), s, name);
    }

    @ParameterizedTest
    @CsvSource({"9, 1, 1, 0.9, 0.9", "0, 0, 0, 1.0, 1.0", "0, 2, 0, 1.0, 0.0", "3, 0, 1, 0.75, 1.0"})
    void recallAndPrecision(long tp, long fp, long missed, double recall, double precision) {
        DetectionScore s = new DetectionScore(tp, fp, missed);
        assertEquals(recall, s.recall(), 1e-9);
        assertEquals(precision, s.precision(), 1e-9);
    }

    private static List<FaceAnnotations.Truth> truth(String s) {
        List<FaceAnnotations.Truth> t = new ArrayList<>();
        if (s != null && !s.isBlank()) {
            for (String token : s.trim().split(" ")) {
                t.add(new FaceAnnotations.Truth(boxes(token.substring(1)).get(0), token.startsWith("F")));
            }
        }
        return t;
    }

    private static List<FaceBox> boxes(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        List<FaceBox> boxes = new ArrayList<>();
        for (String b : s.trim().split(" ")) {
            String[] v = b.split(",");
            boxes.add(new FaceBox(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]), Integer.parseInt(v[3])));
        }
        return boxes;
    }
}
