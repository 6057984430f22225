package io.emolens.session;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.emolens.detect.DetectorConfig;
import io.emolens.detect.YunetConfig;

/**
 * How face detector settings look in session.json and summary.json: the settings' own keys plus {@code "name"}
 * ({@code haar} or {@code yunet}). Settings without a name (sessions recorded before YuNet) are the Haar cascade's.
 * A Jackson mix-in, so the detect package stays free of JSON annotations.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "name", defaultImpl = DetectorConfig.class)
@JsonSubTypes({@JsonSubTypes.Type(value = DetectorConfig.class, name = "haar"), @JsonSubTypes.Type(value = YunetConfig.class, name = "yunet")})
abstract class DetectorSettingsJson {
}
