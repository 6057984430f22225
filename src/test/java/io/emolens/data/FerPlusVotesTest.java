package io.emolens.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.eval.MajorityAgreement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FER+ votes on the fixture rows (fixture_ferplus.csv: the real votes of fixture_fer2013.csv's Training and PublicTest
 * rows). The expected counts come from make_ferplus_fixture.py, which counts clear majorities on its own.
 */
class FerPlusVotesTest {
    static final Path VOTES = Fixtures.DIR.resolve("fixture_ferplus.csv");
    private final Dataset data = DatasetReader.readAny(Fixtures.CSV, ReadOptions.DEFAULT);
    private final FerPlusVotes votes = FerPlusVotes.read(VOTES);

    @TempDir
    Path tmp;

    @Test
    void clearMajoritiesAndTheLabelsAgreementMatchAnIndependentCount() {
        votes.checkFits(data);
        assertEquals(List.of(Split.TRAINING, Split.PUBLIC_TEST), votes.splits());
        MajorityAgreement publicTest = labelsAsPredictions(data.split(Split.PUBLIC_TEST));
        assertEquals(47, publicTest.withMajority());
        assertEquals(26, publicTest.agreed());
        MajorityAgreement training = labelsAsPredictions(data.split(Split.TRAINING));
        assertEquals(182, training.withMajority());
        assertEquals(117, training.agreed());
        assertEquals(117.0 / 182, training.labelAccuracy(), 1e-12);
        assertEquals(0, labelsAsPredictions(data.split(Split.PRIVATE_TEST)).withMajority(), "PrivateTest votes are withheld");
    }

    @Test
    void theAgreementSplitsIntoFacesWhereBothLabelSetsAgreeAndFacesWhereTheyDiffer() {
        List<LabeledFace> publicTest = data.split(Split.PUBLIC_TEST);
        MajorityAgreement labels = labelsAsPredictions(publicTest);
        assertEquals(26, labels.labelAgreed(), "make_ferplus_fixture.py's count");
        assertEquals(21, labels.differing());
        assertEquals(1.0, labels.accuracyWhereLabelsAgree());
        assertEquals(1.0, labels.labelShareWhereLabelsDiffer());
        assertEquals(0.0, labels.majorityShareWhereLabelsDiffer());

        MajorityAgreement people = MajorityAgreement.of(oneHot(publicTest, f -> votes.of(f).flatMap(FerPlusVotes.Row::majority).orElse(f.emotion())),
                publicTest, votes);
        assertEquals(47, people.agreed());
        assertEquals(1.0, people.accuracyWhereLabelsAgree());
        assertEquals(1.0, people.majorityShareWhereLabelsDiffer());
        assertEquals(0.0, people.labelShareWhereLabelsDiffer());

        MajorityAgreement allHappy = MajorityAgreement.of(oneHot(publicTest, f -> Emotion.HAPPY), publicTest, votes);
        long agreeingHappy = publicTest.stream().filter(f -> votes.of(f).flatMap(FerPlusVotes.Row::majority)
                .filter(m -> m == f.emotion() && m == Emotion.HAPPY).isPresent()).count();
        assertEquals(agreeingHappy / 26.0, allHappy.accuracyWhereLabelsAgree(), 1e-12);
        assertEquals(allHappy.agreed() - agreeingHappy, Math.round(allHappy.majorityShareWhereLabelsDiffer() * 21));
        assertTrue(allHappy.format().contains("where FER2013's label is the majority (26 faces)"), allHappy.format());
    }

    @Test
    void votesBecomeTheSevenClassDistributionWithoutContemptUnknownOrNotAFace() {
        LabeledFace first = data.faces().get(0);
        FerPlusVotes.Row row = votes.of(first).orElseThrow();
        assertArrayEquals(new int[] {0, 0, 8, 0, 0, 0, 2, 0, 0, 0}, row.counts(), "fixture_ferplus.csv line 2: 8 surprise, 2 fear");
        float[] target = new LabelMode("votes", 1).apply(List.of(first), votes).faces().get(0).target();
        float[] expected = new float[Emotion.COUNT];
        expected[Emotion.SURPRISE.index()] = 0.8f;
        expected[Emotion.FEAR.index()] = 0.2f;
        assertArrayEquals(expected, target, 1e-6f);
        assertEquals(Optional.of(Emotion.SURPRISE), row.majority());

        float[] blend = LabelMode.parse("blend:0.25").apply(List.of(first), votes).faces().get(0).target();
        for (Emotion e : Emotion.values()) {
            float own = e == first.emotion() ? 1 : 0;
            assertEquals(0.25f * expected[e.index()] + 0.75f * own, blend[e.index()], 1e-6f, e.label());
        }
        float[] majority = LabelMode.MAJORITY.apply(List.of(first), votes).faces().get(0).target();
        assertEquals(1f, majority[Emotion.SURPRISE.index()]);
    }

    @Test
    void everyModeKeepsOnlyRowsItCanLabelAndSaysHowMany() {
        List<LabeledFace> training = data.split(Split.TRAINING);
        LabelMode.Applied votesMode = LabelMode.VOTES.apply(training, votes);
        LabelMode.Applied majority = LabelMode.MAJORITY.apply(training, votes);
        assertEquals(training.size(), votesMode.faces().size() + votesMode.unusable());
        assertEquals(182, majority.faces().size(), "one face per clear majority");
        for (LabeledFace f : votesMode.faces()) {
            double sum = 0;
            for (float p : f.target()) {
                sum += p;
            }
            assertEquals(1.0, sum, 1e-5, f.origin());
        }
        assertTrue(majority.describe(LabelMode.MAJORITY, training.size()).contains("182 of 200 Training faces kept"),
                majority.describe(LabelMode.MAJORITY, training.size()));
        assertEquals(training, LabelMode.FER2013.apply(training, votes).faces());

        LabelMode.Applied agreed = LabelMode.AGREED.apply(training, votes);
        assertEquals(117, agreed.faces().size(), "make_ferplus_fixture.py's count of labels that are the clear majority");
        assertEquals(182 - 117, agreed.labelContradicted());
        for (LabeledFace f : agreed.faces()) {
            assertEquals(1f, f.target()[f.emotion().index()], f.origin() + " keeps its FER2013 label");
            assertEquals(Optional.of(f.emotion()), votes.of(f).flatMap(FerPlusVotes.Row::majority), f.origin());
        }
        assertTrue(agreed.describe(LabelMode.AGREED, training.size()).contains("117 of 200 Training faces kept")
                && agreed.describe(LabelMode.AGREED, training.size()).contains("65 whose FER2013 label is not the majority left out"),
                agreed.describe(LabelMode.AGREED, training.size()));
    }

    @Test
    void labelModesParseAndPrintAlike() {
        assertEquals("blend:0.3", LabelMode.parse("blend:0.3").toString());
        assertEquals("blend:0.5", LabelMode.parse("blend").toString());
        assertEquals(LabelMode.VOTES, LabelMode.parse(" Votes "));
        assertEquals(LabelMode.AGREED, LabelMode.parse("agreed"));
        assertEquals("agreed", LabelMode.AGREED.toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabelMode.parse("blend:1.5")).getMessage().contains("0..1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabelMode.parse("soft")).getMessage()
                .contains("fer2013, majority, votes, blend[:W] or agreed"));
    }

    @Test
    void votesOfAnotherFileAreRefusedNamingTheLine() throws IOException {
        List<String> lines = Files.readAllLines(VOTES);
        Path shifted = tmp.resolve("shifted.csv");
        Files.write(shifted, List.of(lines.get(0), lines.get(1)).stream().toList());
        List<String> moved = new java.util.ArrayList<>(lines.subList(0, 1));
        moved.addAll(lines.subList(202, 251));
        moved.addAll(lines.subList(1, 202));
        Files.write(shifted, moved);
        EmolensException e = assertThrows(EmolensException.class, () -> FerPlusVotes.read(shifted).checkFits(data));
        assertTrue(e.getMessage().contains("does not fit") && e.getMessage().contains("line 2 has votes for a PublicTest image"), e.getMessage());

        Path noHeader = tmp.resolve("votes.csv");
        Files.write(noHeader, List.of("Usage,Image name,neutral", "Training,fer0000000.png,1"));
        assertTrue(assertThrows(EmolensException.class, () -> FerPlusVotes.read(noHeader)).getMessage()
                .contains("is not a FER+ votes file: its header has no 'happiness' column"));
        Path badCount = tmp.resolve("bad.csv");
        Files.write(badCount, List.of(lines.get(0), lines.get(1).replace(",8,", ",eight,")));
        assertTrue(assertThrows(EmolensException.class, () -> FerPlusVotes.read(badCount)).getMessage()
                .contains("bad.csv line 2: the surprise vote count 'eight' is not a whole number"));
    }

    private MajorityAgreement labelsAsPredictions(List<LabeledFace> faces) {
        return MajorityAgreement.of(oneHot(faces, LabeledFace::emotion), faces, votes);
    }

    private static List<float[]> oneHot(List<LabeledFace> faces, java.util.function.Function<LabeledFace, Emotion> predicted) {
        return faces.stream().map(f -> {
            float[] p = new float[Emotion.COUNT];
            p[predicted.apply(f).index()] = 1;
            return p;
        }).toList();
    }
}
