package io.emolens.session;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.emolens.detect.DetectorConfig;
import io.emolens.detect.DetectorSettings;
import io.emolens.detect.YunetConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Detector settings in session.json and summary.json: the settings' keys plus "name"; older files without it are Haar's. */
class DetectorSettingsJsonTest {
    private final ObjectMapper json = AnalyzeService.json();

    @Test
    void eachDetectorsSettingsRoundTripWithTheirName() throws Exception {
        String yunet = json.writeValueAsString(new YunetConfig(0.8, 0.25, 320));
        assertEquals(json.readTree("{\"name\":\"yunet\",\"score_threshold\":0.8,\"nms_threshold\":0.25,\"detect_width\":320}"), json.readTree(yunet));
        assertEquals(new YunetConfig(0.8, 0.25, 320), json.readValue(yunet, DetectorSettings.class));
        String haar = json.writeValueAsString(DetectorConfig.DEFAULT);
        assertEquals(json.readTree("{\"name\":\"haar\",\"scale_factor\":1.1,\"min_neighbors\":4,\"min_face_size\":24,\"detect_width\":640}"), json.readTree(haar));
        assertEquals(DetectorConfig.DEFAULT, json.readValue(haar, DetectorSettings.class));
    }

    @Test
    void settingsWithoutANameAreTheHaarCascadesAsBeforeYunet() throws Exception {
        String before = "{\"scale_factor\":1.2,\"min_neighbors\":3,\"min_face_size\":40,\"detect_width\":0}";
        assertEquals(new DetectorConfig(1.2, 3, 40, 0), json.readValue(before, DetectorSettings.class));
    }
}
