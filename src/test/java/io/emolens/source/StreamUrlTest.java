package io.emolens.source;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.emolens.core.EmolensException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Network camera addresses: what is remembered (no password), what is shown (password masked), what is opened. */
class StreamUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rtsp://admin:secret@10.0.0.5/stream | rtsp://admin@10.0.0.5/stream        | rtsp://admin:***@10.0.0.5/stream | admin | secret",
            "http://cam:p%40ss%3Aw@192.168.1.20:8080/video | http://cam@192.168.1.20:8080/video | http://cam:***@192.168.1.20:8080/video | cam | p%40ss%3Aw",
            "rtsp://admin:@cam/s                 | rtsp://admin@cam/s                  | rtsp://admin:***@cam/s            | admin | ''",
            "rtsp://admin@cam/s                  | rtsp://admin@cam/s                  | rtsp://admin@cam/s                | admin | -",
            "http://192.168.1.20:8080/video?a=b@c | http://192.168.1.20:8080/video?a=b@c | http://192.168.1.20:8080/video?a=b@c | - | -",
    })
    void splitsAddressUserAndPassword(String url, String remembered, String shown, String user, String password) {
        StreamUrl u = new StreamUrl(url);
        assertEquals(remembered, u.withoutPassword().url());
        assertEquals(shown, u.toString());
        assertEquals(user.equals("-") ? Optional.empty() : Optional.of(user), u.user());
        assertEquals(password.equals("-") ? Optional.empty() : Optional.of(password), u.password());
    }

    @Test
    void aRememberedAddressGetsItsPasswordBackEncoded() {
        StreamUrl remembered = new StreamUrl("rtsp://admin@cam:554/live?ch=1");
        assertTrue(remembered.lacksPassword());
        assertEquals("rtsp://admin:pa%20ss%40%3A%2F%25x@cam:554/live?ch=1", remembered.withPassword("pa ss@:/%x").url());
        assertEquals("rtsp://admin:secret@cam:554/live?ch=1", remembered.withWrittenPassword("secret").url());
        assertFalse(remembered.withPassword("x").lacksPassword());
        assertFalse(new StreamUrl("http://cam/video").lacksPassword(), "no user: nothing to ask");
        assertThrows(IllegalArgumentException.class, () -> new StreamUrl("http://cam/video").withPassword("x"));
    }

    @Test
    void errorsAndFfmpegMessagesNeverShowThePassword() {
        StreamUrl u = new StreamUrl("rtsp://admin:hunter2@10.0.0.5/stream");
        assertEquals("avformat_open_input() error -111: Could not open input \"rtsp://admin:***@10.0.0.5/stream\".",
                u.redact("avformat_open_input() error -111: Could not open input \"rtsp://admin:hunter2@10.0.0.5/stream\"."));
        assertEquals("401 for *** at cam", u.redact("401 for hunter2 at cam"));
        for (String bad : new String[] {"rtsp://admin:hunter2@/stream", "ftp://admin:hunter2@cam/x", "rtsp://admin:hunter2@cam/a b|c"}) {
            EmolensException e = assertThrows(EmolensException.class, () -> new StreamUrl(bad));
            assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
            assertTrue(e.getMessage().contains("admin:***@"), e.getMessage());
        }
    }
}
