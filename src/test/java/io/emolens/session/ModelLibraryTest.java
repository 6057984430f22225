package io.emolens.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.app.AnalyzeCommandTest;
import io.emolens.core.EmolensException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelLibraryTest {

    @Test
    void installsListsRenamesAndDeletesModelsWithTheirMetadata(@TempDir Path tmp) throws Exception {
        Path trained = AnalyzeCommandTest.trainTinyModel(tmp);
        ModelLibrary library = new ModelLibrary(tmp.resolve("models"));
        Path first = library.install(trained, "fixture-run");
        Path second = library.install(trained, "fixture-run");
        assertEquals("fixture-run.zip", first.getFileName().toString());
        assertEquals("fixture-run-2.zip", second.getFileName().toString());
        assertTrue(Files.exists(tmp.resolve("models/fixture-run-2.json")));

        Files.writeString(tmp.resolve("models/broken.zip"), "junk");
        List<ModelLibrary.Entry> entries = library.entries();
        assertEquals(List.of("broken", "fixture-run", "fixture-run-2"), entries.stream().map(ModelLibrary.Entry::name).toList());
        assertNull(entries.get(0).metadata());
        assertTrue(entries.get(0).problem().contains("broken.json is missing"), entries.get(0).problem());
        double privateTest = entries.get(1).metadata().privateTestAccuracy();
        assertTrue(privateTest >= 0 && privateTest <= 1, "the fixture run records its PrivateTest accuracy: " + privateTest);

        Path renamed = library.rename(second, "mine");
        assertTrue(Files.exists(tmp.resolve("models/mine.json")));
        assertFalse(Files.exists(tmp.resolve("models/fixture-run-2.json")));
        assertThrows(EmolensException.class, () -> library.rename(renamed, "fixture-run"));
        assertThrows(EmolensException.class, () -> library.rename(renamed, "../escape"));
        library.delete(renamed);
        assertEquals(List.of("broken", "fixture-run"), library.entries().stream().map(ModelLibrary.Entry::name).toList());
    }

    @Test
    void theShippedYunetFaceModelIsNotListedAsAnEmotionModel() {
        Path models = io.emolens.TestFiles.repo().resolve("models");
        assertTrue(Files.isRegularFile(models.resolve("yunet/face_detection_yunet_2023mar.onnx")));
        assertEquals(List.of("emolens-default"), new ModelLibrary(models).entries().stream().map(ModelLibrary.Entry::name).toList());
    }

    @Test
    void listsTheShippedModelsBesideTheUsersAndNeverModifiesThem(@TempDir Path tmp) throws Exception {
        Path shipped = Files.createDirectory(tmp.resolve("install-models"));
        Path trained = AnalyzeCommandTest.trainTinyModel(tmp);
        Path shippedModel = new ModelLibrary(shipped).install(trained, "emolens-default");
        shipped.toFile().setReadOnly();
        shippedModel.toFile().setReadOnly();
        try {
            ModelLibrary library = new ModelLibrary(tmp.resolve("user/models"), shipped);
            assertEquals(List.of("emolens-default"), library.entries().stream().map(ModelLibrary.Entry::name).toList());
            assertTrue(library.entries().get(0).shipped());

            Path mine = library.install(shippedModel, "emolens-default");
            assertEquals(tmp.resolve("user/models/emolens-default.zip"), mine, "a copy goes to the user's folder, under the same name");
            List<ModelLibrary.Entry> entries = library.entries();
            assertEquals(List.of(true, false), entries.stream().map(ModelLibrary.Entry::shipped).toList());
            EmolensException refused = assertThrows(EmolensException.class, () -> library.delete(shippedModel));
            assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
            assertThrows(EmolensException.class, () -> library.rename(shippedModel, "other"));
            assertTrue(Files.exists(shippedModel) && Files.exists(shipped.resolve("emolens-default.json")), "the shipped pair is untouched");
            library.delete(mine);
            assertEquals(List.of(true), library.entries().stream().map(ModelLibrary.Entry::shipped).toList());
        } finally {
            shipped.toFile().setWritable(true);
        }
    }
}
