package io.emolens.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.emolens.core.EmolensException;
import io.emolens.core.JsonErrors;
import io.emolens.record.RecordingException;

/** Atomic JSON files (temporary file, then rename) with the summaries' snake_case mapper. */
final class SessionJson {
    private static final ObjectMapper MAPPER = AnalyzeService.json().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SessionJson() {
    }

    static void write(Path file, Object value) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            MAPPER.writeValue(tmp.toFile(), value);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw RecordingException.writing(file, e);
        }
    }

    static <T> T read(Path file, Class<T> type, String what) {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new EmolensException(what + ": " + file.getFileName() + " is missing in " + file.getParent() + ".", e);
        } catch (IOException e) {
            throw new EmolensException("Cannot read " + file + ": " + JsonErrors.describe(e) + ".", e);
        }
    }
}
