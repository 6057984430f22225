package io.emolens.app;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserFoldersTest {

    @Test
    void followsTheXdgDataHomeAndFallsBackToLocalShare() {
        assertEquals(Path.of("/data/me/emolens/models"), UserFolders.locate(Map.of("XDG_DATA_HOME", "/data/me"), null, "/home/me").models());
        assertEquals(Path.of("/home/me/.local/share/emolens/runs"), UserFolders.locate(Map.of(), null, "/home/me").runs());
        assertEquals(Path.of("/home/me/.local/share/emolens/models"), UserFolders.locate(Map.of("XDG_DATA_HOME", "relative/dir"), null, "/home/me").models(),
                "the XDG spec says to ignore a relative XDG_DATA_HOME");
        assertEquals(Path.of("/elsewhere/models"), UserFolders.locate(Map.of("XDG_DATA_HOME", "/data/me"), "/elsewhere", "/home/me").models());
    }
}
