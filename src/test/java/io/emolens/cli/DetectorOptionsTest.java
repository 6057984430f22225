package io.emolens.cli;

import org.junit.jupiter.api.Test;

import io.emolens.detect.DetectorConfig;
import io.emolens.detect.YunetConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The detector options' defaults are the detectors' documented defaults, so the CLI and the app detect alike. */
class DetectorOptionsTest {

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        DetectorOptions options;
    }

    private static Object parse(String... args) {
        Probe probe = new Probe();
        CommandLine cli = new CommandLine(probe);
        cli.parseArgs(args);
        return probe.options.settings(cli);
    }

    @Test
    void defaultsMatchTheDetectorsDefaults() {
        assertEquals(DetectorConfig.DEFAULT, parse());
        assertEquals(YunetConfig.DEFAULT, parse("--detector", "yunet"));
        assertEquals(YunetConfig.DEFAULT.withDetectWidth(320), parse("--detector", "YuNet", "--detect-width", "320"));
        assertEquals(new DetectorConfig(1.2, 6, 30, 0), parse("--scale-factor", "1.2", "--min-neighbors", "6", "--min-face", "30", "--detect-width", "0"));
    }

    @Test
    void invalidSettingsAreParameterErrors() {
        assertThrows(CommandLine.ParameterException.class, () -> parse("--detector", "yunet", "--score-threshold", "1.5"));
        assertThrows(CommandLine.ParameterException.class, () -> parse("--detector", "cnn"));
    }
}
