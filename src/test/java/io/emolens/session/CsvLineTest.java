package io.emolens.session;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** faces.csv quotes a source name with a comma or quote (FacesCsvWriter.csv); the review reads it back whole. */
class CsvLineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1,2,demo.mp4,3|1;2;demo.mp4;3",
            "1,2,\"party, 2024.mp4\",3|1;2;party, 2024.mp4;3",
            "1,\"say \"\"hi\"\"\",3|1;say \"hi\";3",
            "1,,,4|1;;;4"})
    void splitsLikeTheWriterQuotes(String line, String fields) {
        assertEquals(List.of(fields.split(";", -1)), CsvLine.split(line));
    }
}
