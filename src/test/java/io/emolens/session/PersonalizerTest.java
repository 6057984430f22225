package io.emolens.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.app.Main;
import io.emolens.classify.EmotionClassifier;
import io.emolens.classify.ModelMetadata;
import io.emolens.classify.ModelStore;
import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.data.Dataset;
import io.emolens.data.Split;
import io.emolens.train.EpochStats;
import io.emolens.train.FineTuneResult;
import io.emolens.train.FineTuneSpec;
import io.emolens.train.FineTuner;
import io.emolens.train.RunFolder;
import io.emolens.train.RunState;
import io.emolens.train.TrainServices;
import io.emolens.train.TrainingControl;
import io.emolens.train.TrainingListener;
import io.emolens.train.TuneOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Personalizes the shipped model on a session recorded from the demo clip with the user's labels (a face crop
 * every frame), replaying committed FER2013 fixture rows: the held-out end of every label segment must agree more
 * with the labels after fine-tuning, the new model must load and name its base and session, and the base must be
 * untouched. An imported Keras model fine-tunes on the same crops.
 */
class PersonalizerTest {
    @TempDir
    static Path tmp;
    static Path session;
    static Personalizer.Outcome outcome;
    static String baseChecksum;
    /** The fixture's PublicTest has 50 faces, so one face is 2 points: the guard gets room for a few. */
    static final double FIXTURE_FORGETTING = 0.10;
    static final Path PEER = TestFiles.repo().resolve("../shared/models/keras/fer2013_mini_XCEPTION.102-0.66.hdf5").normalize();

    @BeforeAll
    static void recordAndPersonalize() throws IOException {
        session = LabeledSessions.record(tmp.resolve("session"), PersonalizerTest::script);
        Path base = TestFiles.repo().resolve("models/emolens-default.zip");
        baseChecksum = checksum(base);
        outcome = new Personalizer(TrainServices.exporter()).personalize(base, List.of(session),
                TestFiles.resource("fer2013/fixture_fer2013.csv"), FIXTURE_FORGETTING, tmp.resolve("run"), tmp.resolve("mine.zip"),
                TrainingListener.NONE, new TrainingControl());
        System.out.println(outcome.format());
    }

    /** Neutral for the first 2.3 s, Angry to 4.6 s, Surprise to the end: what this viewer says they felt. */
    private static Optional<Emotion> script(long ms) {
        return Optional.of(ms < 2300 ? Emotion.NEUTRAL : ms < 4600 ? Emotion.ANGRY : Emotion.SURPRISE);
    }

    @Test
    void heldOutAgreementRisesAndTheModelIsOffered() {
        FineTuneResult r = outcome.result();
        assertTrue(r.ownAfter().confusion().total() >= 30, "held-out crops: " + r.ownAfter().confusion().total());
        assertTrue(r.ownAfter().accuracy() >= r.ownBefore().accuracy() + 0.2,
                "agreement before " + r.ownBefore().accuracy() + ", after " + r.ownAfter().accuracy());
        assertTrue(outcome.model().isPresent());
    }

    /**
     * The forgetting guard held in every member: the epoch it kept lost at most {@link #FIXTURE_FORGETTING} of its
     * base's accuracy on the fixture's PublicTest (or it kept its base weights), and the whole model, flips and
     * temperature included, loses at most as much on the fixture's PrivateTest, which the guard never saw (measured: 68% to
     * 62%, 6 points).
     */
    @Test
    void replayKeepsWhatTheModelKnewAboutFacesInGeneral() {
        for (int member = 1; member <= 2; member++) {
            RunFolder folder = new RunFolder(tmp.resolve("run/member-" + member));
            FineTuneSpec spec = folder.readSpec().fineTune();
            RunState state = folder.readState();
            assertEquals(FIXTURE_FORGETTING, spec.maxGeneralDrop(), 0);
            assertNotNull(spec.generalBase(), "member " + member + " measured its base on the replay's PublicTest");
            if (state.bestEpoch() > 0) {
                EpochStats kept = state.history().stream().filter(e -> e.epoch() == state.bestEpoch()).findFirst().orElseThrow();
                assertTrue(kept.generalAcc() >= spec.generalBase() - FIXTURE_FORGETTING, "member " + member + " kept epoch "
                        + kept.epoch() + " at " + kept.generalAcc() + " on the replay's PublicTest, its base " + spec.generalBase());
            }
        }
        FineTuneResult r = outcome.result();
        assertEquals(50, r.replayAfter().confusion().total(), "the fixture's PrivateTest");
        assertTrue(r.replayAfter().accuracy() >= r.replayBefore().accuracy() - FIXTURE_FORGETTING,
                "FER2013 PrivateTest: base " + r.replayBefore().accuracy() + ", personalized " + r.replayAfter().accuracy());
    }

    @Test
    void theNewModelLoadsAndNamesItsBaseSessionAndReplay() {
        Path model = outcome.model().orElseThrow();
        ModelStore store = new ModelStore();
        ModelMetadata m = store.metadata(model);
        Map<String, Object> t = m.training();
        assertEquals("personalized", t.get("kind"));
        assertEquals("emolens-default.zip", t.get("base_model"));
        assertEquals(List.of("session"), t.get("sessions"));
        assertEquals("fixture_fer2013.csv", t.get("replay"));
        assertEquals(2, store.ensemble(model).orElseThrow().members().size(), "an ensemble base gives an ensemble");
        try (EmotionClassifier c = store.load(model)) {
            float[] face = new float[48 * 48];
            assertEquals(1, c.classify(List.of(face)).size());
        }
    }

    @Test
    void theBaseIsNeverModified() throws IOException {
        assertEquals(baseChecksum, checksum(TestFiles.repo().resolve("models/emolens-default.zip")));
    }

    @Test
    void heldOutCropsAreTheEndOfEverySegment() {
        Dataset d = Personalizer.crops(List.of(session), new ArrayList<>());
        for (Emotion e : List.of(Emotion.NEUTRAL, Emotion.ANGRY, Emotion.SURPRISE)) {
            long train = d.split(Split.TRAINING).stream().filter(f -> f.emotion() == e).count();
            long held = d.split(Split.PUBLIC_TEST).stream().filter(f -> f.emotion() == e).count();
            assertTrue(train > 0 && held > 0, e + ": " + train + " / " + held);
            int lastTrain = d.split(Split.TRAINING).stream().filter(f -> f.emotion() == e).mapToInt(PersonalizerTest::line).max().orElseThrow();
            int firstHeld = d.split(Split.PUBLIC_TEST).stream().filter(f -> f.emotion() == e).mapToInt(PersonalizerTest::line).min().orElseThrow();
            assertTrue(lastTrain < firstHeld, e + ": a held-out crop comes before a training crop");
        }
    }

    @Test
    void oneEmotionOnlySaysWhatIsNeeded() {
        Path single = LabeledSessions.record(tmp.resolve("single"), ms -> ms < 3000 ? Optional.of(Emotion.HAPPY) : Optional.empty());
        EmolensException e = assertThrows(EmolensException.class, () -> Personalizer.crops(List.of(single), new ArrayList<>()));
        assertTrue(e.getMessage().contains("at least 10 labeled face crops for each of at least 2 emotions"), e.getMessage());
        assertTrue(e.getMessage().contains("Happy"), e.getMessage());
    }

    @Test
    void aBaseOfAnotherInputSizeOrLabelSetIsRefused() throws IOException {
        FineTuner tuner = new FineTuner(TrainServices.exporter());
        Path base = TestFiles.repo().resolve("models/emolens-default.zip");
        String json = Files.readString(ModelStore.metadataFile(base));
        Path wide = tmp.resolve("wide.zip");
        Files.copy(base, wide);
        Files.writeString(ModelStore.metadataFile(wide), json.replace("\"input_size\" : 48", "\"input_size\" : 64"));
        EmolensException size = assertThrows(EmolensException.class, () -> tuner.checkBase(wide));
        assertTrue(size.getMessage().contains("64"), size.getMessage());
        Path relabeled = tmp.resolve("relabeled.zip");
        Files.copy(base, relabeled);
        Files.writeString(ModelStore.metadataFile(relabeled), json.replace("\"Angry\", \"Disgust\"", "\"Disgust\", \"Angry\""));
        EmolensException labels = assertThrows(EmolensException.class, () -> tuner.checkBase(relabeled));
        assertTrue(labels.getMessage().contains("labels"), labels.getMessage());
    }

    /**
     * The peer mini-Xception, imported, fine-tuned on the session's crops for 3 epochs: the held-out ends of the label
     * segments agree more with the labels, and the tuned model loads as an import with its base's input and labels.
     */
    @Test
    void anImportedModelFineTunesOnTheSessionAndLoadsAsAnImport() {
        assumeTrue(Files.isRegularFile(PEER), "peer Keras model not found at " + PEER + "; skipping");
        Path imported = tmp.resolve("peer.zip");
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        assertEquals(0, Main.runCli(new String[] {"import-keras", PEER.toString(), "--normalization", "signed", "--out", imported.toString()},
                new java.io.PrintStream(sink), new java.io.PrintStream(sink)), sink.toString());
        FineTuner tuner = new FineTuner(TrainServices.exporter());
        Dataset crops = Personalizer.crops(List.of(session), new ArrayList<>());
        FineTuneResult r = tuner.fineTune(imported, crops, FineTuner.defaults(tuner.checkBase(imported)).withMaxEpochs(3),
                TuneOptions.defaults(null), tmp.resolve("peer-run"), TrainingListener.NONE, new TrainingControl());
        System.out.println(r.format());
        assertTrue(r.ownAfter().accuracy() >= r.ownBefore().accuracy() + 0.2,
                "agreement before " + r.ownBefore().accuracy() + ", after " + r.ownAfter().accuracy());
        ModelStore store = new ModelStore();
        ModelMetadata base = store.metadata(imported);
        ModelMetadata tuned = store.metadata(r.model());
        assertEquals(base.inputSpec(), tuned.inputSpec());
        assertEquals(base.labels(), tuned.labels());
        assertEquals(base.keras().sha256(), tuned.keras().sha256());
        assertEquals("peer.zip", tuned.training().get("base_model"));
        try (EmotionClassifier c = store.load(r.model())) {
            assertEquals(base.inputSpec(), c.inputSpec());
            assertEquals(1, c.classify(List.of(c.inputSpec().input(crops.split(Split.PUBLIC_TEST).get(0).pixels()))).size());
        }
    }

    private static int line(io.emolens.data.LabeledFace f) {
        return Integer.parseInt(f.origin().substring(f.origin().lastIndexOf(':') + 1));
    }

    private static String checksum(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
