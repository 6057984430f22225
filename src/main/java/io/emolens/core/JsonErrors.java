package io.emolens.core;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Why a JSON file could not be read, in one line a user can act on: "not valid JSON (line 1, column 2)" rather than
 * Jackson's multi-line message, which quotes the offending bytes (binary garbage, for a damaged file).
 */
public final class JsonErrors {
    private JsonErrors() {
    }

    public static String describe(IOException e) {
        if (e instanceof JsonProcessingException json) {
            JsonLocation at = json.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            String kind = json.getClass().getSimpleName().contains("Mismatched") || json.getClass().getSimpleName().contains("Invalid")
                    || json.getClass().getSimpleName().contains("Unrecognized") ? "JSON of the wrong shape" : "not valid JSON";
            return kind + where;
        }
        return FileKinds.printable(String.valueOf(e.getMessage()), 200);
    }
}
